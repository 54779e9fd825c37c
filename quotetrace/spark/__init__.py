"""The trace on Apache Spark (extra ``quotetrace[spark]``): the same articles give the same trace
as :func:`quotetrace.trace`, byte for byte, with extraction, keys, components and the tracing of
each component spread over a cluster (see :mod:`.job` and docs/spark.md).

PySpark is imported only when a job runs; without it, one message names the extra."""

from .job import SparkTrace, spark_job, trace_spark

__all__ = ["SparkTrace", "spark_job", "trace_spark"]
