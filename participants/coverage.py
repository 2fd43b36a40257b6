"""The coverage engine (issue 4): recompute stale buckets into the coverage table."""

from participants.models import StaleBucket


def recompute_stale() -> int:
    # Issue 4 replaces this with the set-based recompute of each bucket.
    done = StaleBucket.objects.count()
    return done
