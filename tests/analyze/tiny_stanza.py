"""Train throw-away stanza models from a few CoNLL-U sentences, with stanza's own training code.

The models are useless linguistically; they exist so that tests can run the real
``stanza.Pipeline`` (loading, batching, offsets, the shapes of its output) without network access
or the large official models. Every dimension is tiny and every trainer stops after a few steps.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import random
from pathlib import Path

LANG = "en"
PACKAGE = "tiny"
PRETRAIN = "tiny_vec"
PROCESSORS = ("tokenize", "pos", "lemma", "depparse", "ner")
VECTOR_DIM = 16


def _words(conllu: Path) -> list[list[tuple[str, str]]]:
    """(form, NER tag) of each word, a list per sentence; tags come from ``NER=`` in MISC."""
    sents, cur = [], []
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            tag = next((m[4:] for m in cols[9].split("|") if m.startswith("NER=")), "O")
            cur.append((cols[1], tag))
    if cur:
        sents.append(cur)
    return sents


def _write_vectors(sents: list[list[tuple[str, str]]], path: Path) -> None:
    # Random but fixed vectors: the taggers only need a pretrain file of the right shape.
    rng = random.Random(7)
    vocab = sorted({w.lower() for s in sents for w, _ in s} | {w for s in sents for w, _ in s})
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"{len(vocab)} {VECTOR_DIM}\n")
        for w in vocab:
            fh.write(w + " " + " ".join(f"{rng.uniform(-1, 1):.4f}" for _ in range(VECTOR_DIM)) + "\n")


def _resources() -> dict:
    dep = [{"model": "pretrain", "package": PRETRAIN}]
    return {LANG: {
        "lang_name": "English",
        "packages": {"default": {p: PACKAGE for p in PROCESSORS}},
        "default_processors": {p: PACKAGE for p in PROCESSORS},
        "default_dependencies": {},
        "tokenize": {PACKAGE: {}},
        "lemma": {PACKAGE: {}},
        "pos": {PACKAGE: {"dependencies": dep}},
        "depparse": {PACKAGE: {"dependencies": dep}},
        "ner": {PACKAGE: {"dependencies": dep}},
        "pretrain": {PRETRAIN: {}},
    }}


def train_tiny_models(conllu: Path, out: Path, work: Path) -> Path:
    """Train tokenize, pos, lemma, depparse and ner into ``out`` (a stanza resources dir)."""
    import stanza  # noqa: F401  (sets up the "stanza" logger before the trainers change it)
    import torch

    stanza_log = logging.getLogger("stanza")
    level = stanza_log.level
    from stanza.models import lemmatizer, ner_tagger, parser, tagger, tokenizer
    from stanza.models.common.pretrain import Pretrain
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    models = out / LANG
    for proc in (*PROCESSORS, "pretrain"):
        (models / proc).mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    sents = _words(conllu)
    common = ["--shorthand", "en_tiny", "--seed", "1", "--cpu"]

    # the trainers log every step (importing them turns on DEBUG) and the dataset scripts print
    stanza_log.setLevel(logging.ERROR)
    # one thread: tiny matrices gain nothing from more, and on a busy machine torch's
    # spinning worker threads make training a hundred times slower
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            txt, labels, mwt = work / "tok.txt", work / "tok.labels", work / "tok.mwt.json"
            conllu_to_text.main([str(conllu), str(txt)])
            prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
            tokenizer.main([
                "--txt_file", str(txt), "--label_file", str(labels), "--mwt_json_file", str(mwt),
                "--dev_txt_file", str(txt), "--dev_label_file", str(labels),
                "--dev_conll_gold", str(conllu), "--conll_file", str(work / "tok.pred.conllu"),
                "--lang", LANG, "--emb_dim", "8", "--hidden_dim", "16", "--steps", "300",
                "--eval_steps", "300", "--max_seqlen", "60", "--batch_size", "16",
                "--no_use_mwt", "--save_dir", str(models / "tokenize"), "--save_name", f"{PACKAGE}.pt",
                *common])

            vectors = work / "vectors.txt"
            _write_vectors(sents, vectors)
            pretrain = models / "pretrain" / f"{PRETRAIN}.pt"
            Pretrain(str(pretrain), str(vectors)).load()

            tagger.main([
                "--train_file", str(conllu), "--eval_file", str(conllu),
                "--output_file", str(work / "pos.pred.conllu"), "--wordvec_pretrain_file", str(pretrain),
                "--lang", LANG, "--hidden_dim", "16", "--char_hidden_dim", "16",
                "--deep_biaff_hidden_dim", "16", "--composite_deep_biaff_hidden_dim", "8",
                "--word_emb_dim", "8", "--char_emb_dim", "8", "--tag_emb_dim", "8",
                "--transformed_dim", "16", "--num_layers", "1", "--max_steps", "60",
                "--eval_interval", "60", "--fix_eval_interval", "--batch_size", "100",
                "--save_dir", str(models / "pos"), "--save_name", f"{PACKAGE}.pt", *common])

            lemmatizer.main([
                "--train_file", str(conllu), "--eval_file", str(conllu),
                "--output_file", str(work / "lemma.pred.conllu"), "--hidden_dim", "16",
                "--emb_dim", "8", "--pos_dim", "8", "--num_epoch", "2", "--batch_size", "50",
                "--save_dir", str(models / "lemma"), "--save_name", f"{PACKAGE}.pt", *common])

            parser.main([
                "--train_file", str(conllu), "--eval_file", str(conllu),
                "--output_file", str(work / "dep.pred.conllu"), "--wordvec_pretrain_file", str(pretrain),
                "--lang", LANG, "--hidden_dim", "16", "--char_hidden_dim", "16",
                "--deep_biaff_hidden_dim", "16", "--deep_biaff_output_dim", "8",
                "--word_emb_dim", "8", "--char_emb_dim", "8", "--tag_emb_dim", "8",
                "--transformed_dim", "16", "--num_layers", "1", "--max_steps", "60",
                "--eval_interval", "60", "--batch_size", "1000", "--no_checkpoint",
                "--save_dir", str(models / "depparse"), "--save_name", f"{PACKAGE}.pt", *common])

            ner_json = work / "ner.json"
            ner_json.write_text(json.dumps(
                [[{"text": w, "ner": t} for w, t in s] for s in sents]), encoding="utf-8")
            ner_tagger.main([
                "--train_file", str(ner_json), "--eval_file", str(ner_json),
                "--wordvec_pretrain_file", str(pretrain), "--hidden_dim", "16",
                "--char_hidden_dim", "16", "--word_emb_dim", str(VECTOR_DIM), "--char_emb_dim", "8",
                "--max_steps", "60", "--eval_interval", "60", "--batch_size", "32", "--scheme", "bio",
                "--save_dir", str(models / "ner"), "--save_name", f"{PACKAGE}.pt", *common])
    finally:
        stanza_log.setLevel(level)
        torch.set_num_threads(threads)

    (out / "resources.json").write_text(json.dumps(_resources(), indent=2), encoding="utf-8")
    return out
