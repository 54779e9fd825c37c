"""The trace (or a check) as one self-contained HTML page: ``quotetrace trace --format html``.

One file with its CSS and a little vanilla JavaScript inline, nothing beside it and no request to
the network, so it opens from ``file://``, an e-mail attachment or an archive (coverage.py's
``htmlcov`` and pytest-html's ``--self-contained-html`` work the same way). Order, as in the text
report: unsupported quotes with their evidence; quotes whose copies changed words or speaker;
the other quotes several articles carry; the quotes one article carries alone; then the
speakers, the articles and which draw on which.

Filters by speaker, relation and article run in the page; without JavaScript everything shows.
A filter keeps a family when one of its occurrences matches every filter, and shows the matching
occurrences beside the family's original, which always stays as the reference.

Safety: every character from the articles is escaped (:func:`.fragments.esc`), and the page's
Content-Security-Policy allows only its own inline style and script, by hash, and no request of
any kind: were a quote's ``<script>`` ever to slip through, the browser would still not run it.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from typing import TextIO

import attrs

from ..model import RELATIONS, Family, Trace
from ..tracing import Check
from .fragments import STYLE, Sections, Where, attr, badge, check_families, esc, family_html, sections, speaker_key, summary

# the page's own layout, around the pieces' STYLE
_PAGE_STYLE = STYLE + """
html{color-scheme:light dark}
body{margin:0}
.quotetrace.qt-page{margin:0 auto;padding:1rem 1.5rem 3rem}
.qt-page h1{font-size:1.4rem;margin:.2rem 0}
.qt-page h2{font-size:1.1rem;margin:1.5rem 0 .3rem;border-bottom:1px solid rgba(128,128,128,.4)}
.qt-page .qt-explain{margin:.1rem 0 .4rem;opacity:.85}
#qt-filters{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;
 padding:.5rem .75rem;margin:.5rem 0;border:1px solid rgba(128,128,128,.35);border-radius:6px;
 background:Canvas}
#qt-filters label{font-size:13px}
#qt-filters select{max-width:18rem}
.qt-page .qt-chip{font:inherit;font-size:13px;cursor:pointer;border:1px solid rgba(128,128,128,.45);
 border-radius:999px;padding:0 .6rem;background:transparent;color:inherit}
.qt-page .qt-chip:hover{background:rgba(37,99,235,.15)}
.qt-page .qt-key span{margin-right:.6rem}
"""

# Filters, speaker buttons and a shareable #speaker=…&relation=…&article=… address. It reads
# the data-* attributes the pieces write and only sets `hidden` and text: it never builds HTML.
_SCRIPT = """
(function () {
  "use strict";
  var bar = document.getElementById("qt-filters");
  var pick = {speaker: document.getElementById("qt-speaker"),
              relation: document.getElementById("qt-relation"),
              article: document.getElementById("qt-article")};
  var families = Array.prototype.slice.call(document.querySelectorAll("main .qt-family"));
  var count = document.getElementById("qt-count");
  function matches(occ, fam, f) {
    if (f.relation && occ.getAttribute("data-relation") !== f.relation) return false;
    if (f.article && occ.getAttribute("data-article") !== f.article) return false;
    if (f.speaker && occ.getAttribute("data-speaker") !== f.speaker &&
        fam.getAttribute("data-speaker") !== f.speaker) return false;
    return true;
  }
  function apply() {
    var f = {speaker: pick.speaker.value, relation: pick.relation.value, article: pick.article.value};
    var shown = 0;
    families.forEach(function (fam) {
      var any = false;
      fam.querySelectorAll(".qt-occ").forEach(function (occ) {
        var ok = matches(occ, fam, f);
        occ.hidden = !ok && !occ.classList.contains("qt-original");
        any = any || ok;
      });
      fam.hidden = !any;
      if (any) shown += 1;
    });
    document.querySelectorAll("section[data-families]").forEach(function (sec) {
      var n = sec.querySelectorAll(".qt-family:not([hidden])").length;
      sec.hidden = n === 0;
      sec.querySelector(".qt-n").textContent = String(n);
    });
    count.textContent = "showing " + shown + " of " + families.length + " quoted statements";
    var q = new URLSearchParams();
    Object.keys(f).forEach(function (k) { if (f[k]) q.set(k, f[k]); });
    try { history.replaceState(null, "", q.toString() ? "#" + q.toString() : location.pathname); }
    catch (e) { /* some browsers refuse it on file:// pages; the filters work all the same */ }
  }
  function choose(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.value = value; return; }
    }
  }
  function fromAddress() {
    var wanted = new URLSearchParams(location.hash.slice(1));
    Object.keys(pick).forEach(function (k) { pick[k].value = ""; choose(pick[k], wanted.get(k)); });
  }
  Object.keys(pick).forEach(function (k) { pick[k].addEventListener("change", apply); });
  window.addEventListener("hashchange", function () { fromAddress(); apply(); });
  document.getElementById("qt-reset").addEventListener("click", function () {
    Object.keys(pick).forEach(function (k) { pick[k].value = ""; });
    apply();
  });
  document.querySelectorAll(".qt-chip").forEach(function (chip) {
    chip.addEventListener("click", function () {
      choose(pick.speaker, chip.getAttribute("data-speaker"));
      apply();
      bar.scrollIntoView();
    });
  });
  bar.hidden = false;
  fromAddress();
  apply();
})();
"""

_EXPLAIN = {
    "unsupported": "In quotation marks in one article; the other articles carry these words only without "
                   "them, as reported speech or the narrator's text (the evidence beneath each).",
    "changed": "Copies that changed the original's words inside the quotation marks, pulled the narrator's "
               "words inside them, or gave them to another speaker. Deleted words are struck through on the "
               "left, added words marked on the right; ‸ marks where words are missing.",
    "carried": "Quotes several articles carry word for word, cut, or paraphrased.",
    "single": "Quotes only one article carries, reported nowhere else in any form.",
}
_TITLES = {"unsupported": "Unsupported quotes", "changed": "Changed quotes",
           "carried": "Quotes carried by several articles", "single": "Single-source quotes"}


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


# Only the page's own style and script, and nothing fetched: no image, font, frame or connection.
_CSP = (f"default-src 'none'; style-src {_csp_hash(_PAGE_STYLE)}; script-src {_csp_hash(_SCRIPT)}; "
        "base-uri 'none'; form-action 'none'")


def _options(values: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in values)


def _filters(tr: Trace, families: list[Family]) -> str:
    speakers: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for f in families:
        seen = {speaker_key(f.speaker)} | {speaker_key(o.speaker) for o in f.occurrences if o.speaker}
        speakers.update(seen)
        relations.update({o.relation for o in f.occurrences})
        articles.update({o.article for o in f.occurrences})
    dates = {a.id: a.date for a in tr.articles}
    speaker_opts = [("", "every speaker")] + [
        (k, f"{'unknown speaker' if k == '-' else k} ({n})")
        for k, n in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0].casefold()))]
    relation_opts = [("", "every relation")] + [(r, f"{r} ({relations[r]})") for r in RELATIONS if relations[r]]
    article_opts = [("", "every article")] + [
        (a.id, f"{a.id}" + (f" ({dates[a.id]})" if dates.get(a.id) else "") + f" ({articles[a.id]})")
        for a in tr.articles if articles[a.id]]
    return ('<form id="qt-filters" hidden>'
            f'<label>Speaker <select id="qt-speaker">{_options(speaker_opts)}</select></label>'
            f'<label>Relation <select id="qt-relation">{_options(relation_opts)}</select></label>'
            f'<label>Article <select id="qt-article">{_options(article_opts)}</select></label>'
            '<button type="button" id="qt-reset">show all</button>'
            '<span id="qt-count" class="qt-meta"></span></form>')


def _speakers(tr: Trace, families: list[Family]) -> str:
    counts: Counter[str] = Counter(speaker_key(f.speaker) for f in families)
    idents = {s.name: s for s in tr.speakers}
    rows = []
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold())):
        ident = idents.get(key)
        name = "unknown speaker" if key == "-" else key
        rows.append(f'<tr><td><button type="button" class="qt-chip"{attr("data-speaker", key)}>{esc(name)}</button></td>'
                    f"<td>{esc(ident.type if ident else '')}</td>"
                    f"<td>{esc(', '.join(ident.aliases) if ident else '')}</td><td>{n}</td></tr>")
    return ('<section id="qt-speakers"><h2>Speakers</h2><p class="qt-explain">Each speaker under every name '
            "the articles give it; a name shows that speaker's quotes only.</p>"
            "<table><tr><th>speaker</th><th>type</th><th>also called</th><th>quoted statements</th></tr>"
            f"{''.join(rows)}</table></section>")


def _section(key: str, families: list[Family], where: Where) -> str:
    if not families:
        return ""
    body = "".join(family_html(f, where) for f in families)
    return (f'<section id="qt-{key}" data-families><h2>{_TITLES[key]} (<span class="qt-n">{len(families)}</span>)'
            f'</h2><p class="qt-explain">{_EXPLAIN[key]}</p>{body}</section>')


def _articles(tr: Trace, families: list[Family]) -> str:
    per: Counter[str] = Counter(o.article for f in families for o in f.occurrences)
    rows = "".join(f'<tr><td class="qt-fid">{esc(a.id)}</td><td>{esc(a.date)}</td><td>{esc(a.path)}</td>'
                   f"<td>{per[a.id]}</td><td>{esc(a.error or a.note)}</td></tr>" for a in tr.articles)
    derivs = "".join(f'<tr><td class="qt-fid">{esc(d.article)}</td><td class="qt-fid">{esc(d.source)}</td>'
                     f"<td>{d.shared_quotes}</td><td>{d.shared_sentences}</td><td>{d.score:.2f}</td></tr>"
                     for d in tr.derivations)
    drawn = ("<table><tr><th>article</th><th>draws on</th><th>shared quotes</th><th>shared sentences</th>"
             f"<th>score</th></tr>{derivs}</table>" if derivs else "<p>None.</p>")
    return ('<section id="qt-articles"><h2>Articles</h2>'
            "<table><tr><th>article</th><th>date</th><th>read from</th><th>occurrences</th><th>problem</th></tr>"
            f"{rows}</table><h2>Which articles draw on which</h2>"
            '<p class="qt-explain">A later article that shares quoted statements or sentences with an earlier one; '
            "the score is the share of its statements found in the source.</p>"
            f"{drawn}</section>")


_KEY = ('<p class="qt-key qt-meta">Changed words: <span><ins class="qt-trivial">trivial</ins> (case, punctuation, '
        'spelling)</span><span><ins class="qt-substantive">substantive</ins> (content words)</span>'
        '<span><ins class="qt-critical">critical</ins> (negation, numbers, modality, the subject)</span>'
        '<span><span class="qt-gap">‸</span> words missing or added here</span>'
        '<span><span class="qt-shared">shared</span> words a paraphrase or evidence shares with the quote</span>'
        '<span><span class="qt-narrator">narrator</span> the original article\'s words an expanded copy '
        "pulled inside its marks</span></p>")


def _page(title: str, heading: str, tr: Trace, families: list[Family], where: Where) -> str:
    secs: Sections = sections(families)
    body = "".join(_section(k, getattr(secs, k), where) for k in ("unsupported", "changed", "carried", "single"))
    if not families:
        body = "<p>No quoted statement was found.</p>"
    return ("<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(_CSP)}">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta name="generator" content="quotetrace {esc(_version())}">'
            f"<title>{esc(title)}</title><style>{_PAGE_STYLE}</style></head>\n"
            '<body><div class="quotetrace qt-page"><header>'
            f'<h1>{heading}</h1><p class="qt-meta">{esc(summary(_only(tr, families)))}</p>{_KEY}</header>'
            f"{_filters(tr, families)}<main>{body}</main>"
            f"{_speakers(tr, families)}{_articles(tr, families)}"
            f'<footer class="qt-meta"><p>Relations: {" ".join(badge(r) for r in RELATIONS)}. '
            "Written by quotetrace; the same trace as JSON: <code>quotetrace trace --format json</code>.</p></footer>"
            f"</div><script>{_SCRIPT}</script></body></html>\n")


def _only(tr: Trace, families: list[Family]) -> Trace:
    """``tr`` with only ``families`` (a check's page counts only the checked article's)."""
    return tr if list(tr.families) == families else attrs.evolve(tr, families=families)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotetrace")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def html(result: Trace | Check) -> str:
    """The report of a :func:`quotetrace.trace` or :func:`quotetrace.check` result as one
    self-contained HTML page (a string: write it to a file and open it in any browser).

    >>> from quotetrace import Article, trace
    >>> page = html(trace([Article("a", 'Mayor Jane Doe said: “<b>We</b> will build it.”')], jobs=1))
    >>> page.startswith("<!DOCTYPE html>") and "&lt;b&gt;We&lt;/b&gt; will build it." in page
    True
    """
    if isinstance(result, Check):
        tr = result.trace
        families = check_families(result)
        others = result.others
        where = Where.of(tr, checked=result.article.id)
        title = f"quotetrace check: {result.article.id}"
        heading = (f"Check of <span class=\"qt-fid\">{esc(result.article.id)}</span> against {others} "
                   f"article{'' if others == 1 else 's'}")
        return _page(title, heading, tr, families, where)
    if not isinstance(result, Trace):
        raise TypeError(f"html() takes a Trace or a Check, not {type(result).__name__}")
    where = Where.of(result)
    read = sum(1 for a in result.articles if not a.error)
    return _page(f"quotetrace report: {read} articles", "Quotes traced across "
                 f"{read} article{'' if read == 1 else 's'}", result, list(result.families), where)


def write_html(result: Trace | Check, out: TextIO) -> None:
    """Write :func:`html` of ``result`` to ``out``."""
    out.write(html(result))
