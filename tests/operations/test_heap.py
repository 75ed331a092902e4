"""A serving worker keeps what it loaded at start-up out of the garbage collector's passes, so a
list page's 95th percentile is not a full collection of Django's own objects."""

import gc

from hankesalkku.operations.heap import FIRST_GENERATION_THRESHOLD, settle_heap


def test_the_start_up_heap_is_frozen_and_young_collections_are_rarer():
    thresholds = gc.get_threshold()
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == FIRST_GENERATION_THRESHOLD
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def test_cycles_made_after_start_up_are_still_collected():
    thresholds = gc.get_threshold()
    try:
        settle_heap()

        class Node:
            pass

        node = Node()
        node.self = node
        del node
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
