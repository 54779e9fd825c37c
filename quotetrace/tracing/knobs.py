"""Tracing's thresholds, named once, each with what it trades.

Raising a ``MIN_*`` threshold buys precision (fewer wrong links, fewer wrong flags) at the cost
of recall (copies and paraphrases left unlinked); a ``MAX_*`` cap buys speed and bounded memory
at the cost of links through very common phrases.
"""

#: Passages are indexed by word n-grams of this many stems. Shorter passages (a word or two:
#: “homemade”, “fine-tuned”) are matched whole, and only against the same speaker.
SHINGLE = 3

#: An n-gram found in more passages than this is boilerplate or a stock phrase (passim's
#: ``--max-df``); it proposes no candidates. The same cap holds for a whole short passage and a
#: (speaker, word) key. What is counted, over the whole corpus, is the different passages that
#: hold the key: verbatim copies of one quote count once (:mod:`.keys`), so a quote copied by
#: any number of articles still finds its family. Lower is faster.
MAX_DF = 100

#: A passage of one or two words joins only a passage at most this many times as long (plus
#: one word): “fine-tuned” / “still need fine-tuning”, but not a term inside a long quote.
SHORT_REACH = 3

#: A passage's context is this many narrator words on each side of its marks...
CONTEXT = 3
#: ...and a context found around more than this many different statements (:mod:`.keys`: copies
#: of a quote that keep its least 3-gram hash count once) proposes nothing. It was 8 when it
#: counted the families founded so far; altered and excerpted copies of one quote each count
#: here, so 20 keeps the generated corpora's scores where they were.
MAX_CONTEXT_DF = 20
#: The words (and characters) read on each side of the marks for that context, before the
#: attribution's words among them are dropped: one word more than ``CONTEXT``, about twenty
#: characters a word, so raising ``CONTEXT`` widens what is read.
CONTEXT_READ = CONTEXT + 1
CONTEXT_CHARS = 20 * CONTEXT_READ
#: The context itself is read this many words (and characters) further, so that a long credit
#: (``, Senator Jane Q. Doe said,``), once dropped, still leaves ``CONTEXT`` words of the place
#: the passage stands in: a short copy handed to a speaker of a longer name is found there too.
#: Costs a few more words read per passage; the words kept are ``CONTEXT`` a side.
CONTEXT_ATTRIBUTION = 6
CONTEXT_ATTRIBUTION_CHARS = 20 * CONTEXT_ATTRIBUTION

#: A passage that holds a family's original whole joins it only when it adds at most this many
#: words (or as many as the original has): “not taking the whole country” expands “taking the
#: whole country”; a long sentence that holds a three-word slogan is a statement of its own.
MAX_ADDED = 3

#: Candidate families tried per passage, best first (by shared n-grams). Each try is one
#: alignment; more tries find a passage's family when several share its phrases.
MAX_TRIES = 4

#: A passage joins a family when its alignment with the family's original matches at least this
#: many stems, and at least this share of the shorter of the two...
MIN_MATCHED = 3
MIN_SHARE = 0.5
#: ...among them at least this many of the shorter side's content words, and this share of them
#: (a shared run of function words, "is not going to", ties no two statements together)...
MIN_CONTENT_MATCHED = 2
MIN_CONTENT_SHARE = 0.6
#: ...unless this many words match in one unbroken run and this share of the longer side
#: matches: then one content word in common will do
RUN_WORDS = 8
MIN_RUN_SHARE = 0.75
#: ...standing close together: matched words over the stretch they cover, on either side...
MIN_DENSITY = 0.6
#: ...with the longer side at most this many times the shorter (plus two words): an altered copy
#: is about as long as what it alters; a few words that share a phrase with a long speech are
#: another statement ("how the count was fixed" / "… I believe that the count is being fixed …").
ALTER_REACH = 2
#: ...and, when the two name different speakers (a misattribution claim), this many words, one
#: passage inside the other or this share of the longer matched.
MIN_MATCHED_OTHER_SPEAKER = 4
MIN_SHARE_OTHER_SPEAKER = 0.8

#: Reported speech with the family's speaker is a paraphrase when it holds at least this share of
#: the quote's content words (and at least MIN_PARAPHRASE_WORDS of them, among them two in a
#: row): the speaker vouches for the rest.
MIN_REPORTED_SHARE = 0.4
MIN_PARAPHRASE_WORDS = 2
#: Narrator text (no speaker, no marks) is a paraphrase only with this share, and this many words.
MIN_NARRATOR_SHARE = 0.5
MIN_NARRATOR_WORDS = 4
#: Evidence of an unsupported quote must cover this share of its content words in all.
MIN_EVIDENCE_SHARE = 0.5
#: A content-word pair found in more articles than this proposes no paraphrase or evidence.
MAX_PAIR_DF = 200

#: Narrator sentences shorter than this many words are not compared between articles.
SENTENCE_MIN_WORDS = 8
#: Sentences are compared through word n-grams of this size...
SENTENCE_SHINGLE = 4
#: ...sketched by this many smallest hashes...
SENTENCE_SKETCH = 2
#: ...and count as shared when their n-gram sets overlap by at least this Jaccard coefficient.
MIN_SENTENCE_JACCARD = 0.5
#: A sketch value shared by more sentences than this is boilerplate (bylines, "Read more").
MAX_SENTENCE_DF = 200

#: Two articles appear in the derivations table when they share at least this many statements
#: (quotes and sentences) and this share of the later article's statements...
MIN_DERIVATION_SHARED = 2
MIN_DERIVATION_SCORE = 0.1
#: ...or at least this many narrator sentences, whatever their share: two articles quote the same
#: speech without one drawing on the other, but do not write the same two sentences of their own
#: (a rewrite that lifts a paragraph from a second article draws on it, however long the rest).
#: Raising it to 99 leaves only the share: on the end-to-end corpus from PolNeAR dev bases, the
#: derivations' recall then falls from 0.90 to 0.84 and precision rises from 0.94 to 0.95.
#: Fewer sentences (one) make a derivation only when nothing else explains the sentence
#: (:func:`.derive.settled`): taking every one raised recall there to 0.99 but dropped precision
#: to 0.90, as rewrites of one story that made the same change to a sentence were linked.
MIN_DERIVATION_SENTENCES = 2

#: Alignments look at no more than this many words of a passage: a quotation longer than a
#: long speech is compared on its first part, so one huge passage cannot stall a batch.
MAX_ALIGN_WORDS = 1000

#: Families under construction held in memory by the Spark job's groups task; past this many,
#: a component's families move to a temporary SQLite file with a cache of originals
#: (:mod:`.building`): bounded memory for a component of any size, at the cost of a lookup on
#: disk per passage. About 4 KB each in memory (an original's words and its index keys).
SPILL_FAMILIES = 20_000
