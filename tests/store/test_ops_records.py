"""ops.records.writes: the local edits the UI runs on its writer lane, returning change sets."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.validation import ValidationError
from offa_desktop.ops.records import writes
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.tables import OUTBOX
from tests.store.conftest import learner, niss


def test_create_update_delete_return_change_sets(wc: WorkingCopy) -> None:
    born = "2007-01-15"  # an adult: no representative needed
    saved = writes.create(wc, "learners", learner(birth_date=born, niss=niss(born, 1)))
    assert isinstance(saved, ChangeSet) and saved.touches("learners")
    assert saved.ids == {"learners": {saved.record_id}}
    with wc.session() as s:
        assert queries.get(s, "learners", saved.record_id) is not None

    again = writes.update(wc, "learners", saved.record_id, {"city": "Ixelles"})
    assert again.changed == {"city": "Ixelles"} and again.touches("learners")
    nothing = writes.update(wc, "learners", saved.record_id, {"city": "Ixelles"})
    assert nothing.changed == {}

    gone = writes.delete(wc, "learners", saved.record_id)
    assert gone.ids == {"learners": {saved.record_id}}
    with wc.session() as s:
        kinds = s.execute(select(OUTBOX.c.kind).order_by(OUTBOX.c.seq)).scalars().all()
    assert kinds == ["create", "update", "delete"]


def test_a_minor_without_representative_is_refused_in_french(wc: WorkingCopy) -> None:
    with pytest.raises(ValidationError) as caught:
        born = "2012-05-01"
        writes.create(wc, "learners", learner(birth_date=born, niss=niss(born, 1)))
    [p] = [p for p in caught.value.problems if not p.warning]
    assert p.field == "representative" and "mineur" in p.message
    with wc.session() as s:
        assert queries.count(s, "learners") == 0


def test_missing_record(wc: WorkingCopy) -> None:
    with pytest.raises(writes.RecordNotFound):
        writes.update(wc, "learners", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0999", {"city": "Namur"})
