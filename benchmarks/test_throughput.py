"""Throughput in words a second (whitespace-separated words), one core."""

from __future__ import annotations

from quotetrace.marks import detect_marks

from .conftest import words_per_second


def test_detection_throughput(benchmark, corpus) -> None:  # noqa: ANN001
    """Quotation-mark detection alone, over every article of the corpus."""
    texts = [a.text for a in corpus]

    def run() -> int:
        return sum(1 for t in texts for _ in detect_marks(t))

    found = benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)
    assert found > 0
    words_per_second(benchmark, corpus)


def test_extract_throughput(benchmark, corpus) -> None:  # noqa: ANN001
    """The whole extraction with attribution, default rules analyzer, over the corpus."""
    from quotetrace import extract

    def run() -> int:
        return sum(len(extract(a)) for a in corpus)

    found = benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)
    assert found > 0
    words_per_second(benchmark, corpus)


def test_wrapped_extract_throughput(benchmark, corpus) -> None:  # noqa: ANN001
    """The whole extraction over the corpus hard-wrapped at 72 columns: the cost of reading
    line breaks inside paragraphs as spaces and carrying the offsets back."""
    import textwrap

    from quotetrace import Article, extract

    wrapped = [Article(id=a.id, text="\n\n".join(textwrap.fill(line, 72) for line in a.text.split("\n")
                                                 if line.strip())) for a in corpus]

    def run() -> int:
        return sum(len(extract(a)) for a in wrapped)

    found = benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)
    assert found > 0
    words_per_second(benchmark, wrapped)


def test_long_article_throughput(benchmark) -> None:  # noqa: ANN001
    """One 4 MB article dense with quotations: extraction must stay linear in the length."""
    from quotetrace import Article, extract

    para = "The minister said “we will not give in,” and the talks went on. Voters' hopes rose.\n\n"
    article = Article(id="long", text=para * (4 * 2**20 // len(para.encode())))
    found = benchmark.pedantic(lambda: len(extract(article)), rounds=2, iterations=1)
    assert found == article.text.count("“")
    words_per_second(benchmark, [article])
