"""The driver script for ``spark-submit``: the ``quotetrace`` command, run by Spark's launcher.

    spark-submit --master yarn scripts/spark_submit.py trace /data/news/ --engine spark --format json -o trace.json

Every node needs quotetrace[spark] installed (docs/spark.md).
"""

import sys

from quotetrace.cli import main

if __name__ == "__main__":
    sys.exit(main())
