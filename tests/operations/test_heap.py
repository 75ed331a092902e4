"""A serving worker keeps what it loaded at start-up out of the garbage collector's passes, so a
list page's 95th percentile is not a full collection of Django's own objects, while what
requests leave behind is still collected without anyone asking."""

import gc
import weakref

import pytest

from hankesalkku.operations.heap import FIRST_GENERATION_THRESHOLD, settle_heap


@pytest.fixture
def settled():
    thresholds = gc.get_threshold()
    settle_heap()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_the_start_up_heap_is_frozen_and_young_collections_are_rarer(settled):
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == FIRST_GENERATION_THRESHOLD


def test_a_cycle_a_request_leaves_is_collected_without_being_asked(settled):
    class Node:
        pass

    node = Node()
    node.itself = node
    gone = weakref.ref(node)
    del node
    kept = [[] for _ in range(2 * FIRST_GENERATION_THRESHOLD)]  # a request's allocations
    assert gone() is None
    del kept
