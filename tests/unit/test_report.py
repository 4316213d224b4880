"""The report for a therapist: only the chosen range and parts, nothing private
unless its author picked it, and never without the other partner's signature."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS, all_bytes
from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.domain.errors import InvalidInput, NotAllowed, WrongPassphrase
from twofold.domain.ledger import EventKind
from twofold.domain.report import ReportFormat, ReportRequest, ReportSection, to_markdown
from twofold.domain.timeline_text import headline
from twofold.services.session import Session, unlock, unlock_session

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def share(session: Session, text: str, when: datetime) -> None:
    assert session.journal is not None and session.sharing is not None
    record = session.journal.write(f"private draft behind {text}", at=when)
    item = session.sharing.add(record)
    session.sharing.update(item, text)
    session.sharing.confirm(session.sharing.preview([item]), at=when)


@pytest.fixture
def history(vault_dir: Path) -> dict[str, int]:
    return make_history(vault_dir)


def make_history(vault_dir: Path) -> dict[str, int]:
    """Alex and Sam's vault with shared history before, in and after March 2026, and
    private canaries in both journals."""
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    assert sam.journal is not None
    sam.journal.write("SAM-PRIVATE-CANARY never chosen", at=noon(date(2026, 3, 12)))
    share(sam, "SAM-SHARED-IN-MARCH", noon(date(2026, 3, 14)))
    sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    chosen = alex.journal.write(
        "ALEX-CHOSEN-PRIVATE I want our therapist to read this",
        feelings=("hopeful",),
        at=noon(date(2026, 3, 20)),
    )
    unchosen = alex.journal.write("ALEX-UNCHOSEN-CANARY", at=noon(date(2026, 3, 21)))
    alex.journal.write("ALEX-OUT-OF-RANGE-CANARY", at=noon(date(2026, 5, 1)))
    share(alex, "SHARED-BEFORE-RANGE", noon(date(2026, 2, 27)))
    share(alex, "SHARED-IN-RANGE", noon(date(2026, 3, 10)))
    share(alex, "SHARED-AFTER-RANGE", noon(date(2026, 4, 2)))
    commitment = alex.commitments.make(  # for both: a proposal until Sam accepts
        "Evening walk together",
        Cadence(CadenceKind.DAILY),
        start=date(2026, 3, 1),
        at=noon(date(2026, 3, 1)),
    )
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.commitments.accept(commitment, at=noon(date(2026, 3, 1)))
    sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    for day in range(1, 11):
        outcome = Outcome.MISSED if day == 4 else Outcome.KEPT
        alex.commitments.check(commitment, outcome, date(2026, 3, day), at=noon(date(2026, 3, day)))
    alex.checkins.submit(
        CheckinKind.DAILY,
        {"feeling": "CHECKIN-IN-RANGE calm", "need": "time", "action": "walk"},
        day=date(2026, 3, 5),
        at=noon(date(2026, 3, 5)),
    )
    alex.lock()
    return {"chosen": chosen, "unchosen": unchosen}


def request(fmt: ReportFormat, *, private: tuple[int, ...] = ()) -> ReportRequest:
    return ReportRequest(MARCH[0], MARCH[1], tuple(ReportSection), fmt, private)


def test_markdown_holds_exactly_the_range_and_the_chosen_entry(
    vault_dir: Path, history: dict[str, int], tmp_path: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        target = tmp_path / "report.md"
        result = alex.reports.export(
            request(ReportFormat.MARKDOWN, private=(history["chosen"],)), target, SAM_PASS
        )
        text = target.read_text()
        assert result.size == len(text.encode())
        assert "Twofold — Alex & Sam" in text and "01 March 2026 – 31 March 2026" in text
        assert "SHARED-IN-RANGE" in text and "SAM-SHARED-IN-MARCH" in text
        assert "ALEX-CHOSEN-PRIVATE" in text and "CHECKIN-IN-RANGE" in text
        assert "| Evening walk together | Both of us | every day | 9 | 0 | 22 | 0 | 29 % |" in text
        for absent in (
            "SHARED-BEFORE-RANGE",
            "SHARED-AFTER-RANGE",
            "ALEX-UNCHOSEN-CANARY",
            "ALEX-OUT-OF-RANGE-CANARY",
            "SAM-PRIVATE-CANARY",
            "private draft behind",  # the private text behind every share
        ):
            assert absent not in text
        assert "not encrypted" in text
    finally:
        alex.lock()


def test_json_follows_the_documented_schema(
    vault_dir: Path, history: dict[str, int], tmp_path: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        alex.reports.export(request(ReportFormat.JSON), tmp_path / "r.json", SAM_PASS)
    finally:
        alex.lock()
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["schema"] == "twofold.report/1"
    assert data["range"] == {"start": "2026-03-01", "end": "2026-03-31"}
    assert data["made_by"] == "Alex" and data["agreed_by"] == "Sam"
    keys = [s["key"] for s in data["sections"]]
    assert keys == [s.value for s in ReportSection]
    timeline = data["sections"][0]["items"]
    assert [i["text"] for i in timeline if i["title"] == "Shared reflection"] == [
        "SHARED-IN-RANGE",
        "SAM-SHARED-IN-MARCH",
    ]
    assert "ALEX-CHOSEN-PRIVATE" not in (tmp_path / "r.json").read_text()


def test_no_export_without_the_other_partners_signature(
    vault_dir: Path, history: dict[str, int], tmp_path: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        before = alex.timeline.count()
        with pytest.raises(NotAllowed, match="needs Sam's agreement"):
            alex.reports.export(request(ReportFormat.MARKDOWN), tmp_path / "a.md", "")
        with pytest.raises(WrongPassphrase):
            alex.reports.export(request(ReportFormat.MARKDOWN), tmp_path / "b.md", ALEX_PASS)
        with pytest.raises(WrongPassphrase):
            alex.reports.export(request(ReportFormat.MARKDOWN), tmp_path / "c.md", "guess")
        assert alex.timeline.count() == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".md") == []
    finally:
        alex.lock()


def test_the_export_is_a_signed_event_both_partners_see(
    vault_dir: Path, history: dict[str, int], tmp_path: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        result = alex.reports.export(request(ReportFormat.MARKDOWN), tmp_path / "r.md", SAM_PASS)
    finally:
        alex.lock()
    sam = unlock_session(vault_dir, SAM_PASS, "Sam")
    try:
        assert sam.verify().ok
        items = sam.timeline.page(0, 5)
        made = next(i for i in items if i.kind == EventKind.EXPORT_MADE)
        agreed = next(i for i in items if i.kind == EventKind.EXPORT_AGREED)
        assert made.author_label == "Alex" and agreed.author_label == "Sam"
        said = headline(made)
        assert "Markdown" in said and "2026-03-01 to 2026-03-31" in said
        event = json.loads(sam._vault.ledger.event(made.event_id).payload or b"{}")
        assert event["sha256"] == result.sha256 and event["private_entries"] == 0
    finally:
        sam.lock()


def test_private_entries_only_by_their_author_and_in_range(
    vault_dir: Path, history: dict[str, int], tmp_path: Path
) -> None:
    session = unlock_session(vault_dir, ALEX_PASS, "Alex")
    try:
        with pytest.raises(NotAllowed, match="only by their author"):
            session.reports.export(
                request(ReportFormat.MARKDOWN, private=(history["chosen"],)),
                tmp_path / "r.md",
                SAM_PASS,
            )
        assert session.reports.private_candidates(*MARCH) == []
    finally:
        session.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        titles = [t for _, _, t in alex.reports.private_candidates(*MARCH)]
        assert any("ALEX-CHOSEN-PRIVATE" in t for t in titles)
        assert not any("OUT-OF-RANGE" in t for t in titles)
        journal = alex.journal
        assert journal is not None
        out_of_range = next(r.id for r in journal.listing().records if "OUT-OF-RANGE" in r.body)
        with pytest.raises(InvalidInput, match="outside the report's range"):
            alex.reports.export(
                request(ReportFormat.MARKDOWN, private=(out_of_range,)), tmp_path / "r.md", SAM_PASS
            )
    finally:
        alex.lock()


def test_the_file_goes_outside_the_vault_and_never_over_another(
    vault_dir: Path, history: dict[str, int], tmp_path: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        with pytest.raises(InvalidInput, match="outside the vault folder"):
            alex.reports.export(request(ReportFormat.MARKDOWN), vault_dir / "r.md", SAM_PASS)
        (tmp_path / "taken.md").write_text("mine")
        with pytest.raises(InvalidInput, match="already exists"):
            alex.reports.export(request(ReportFormat.MARKDOWN), tmp_path / "taken.md", SAM_PASS)
        assert (tmp_path / "taken.md").read_text() == "mine"
        with pytest.raises(InvalidInput, match="ends before it starts"):
            ReportRequest(MARCH[1], MARCH[0], (ReportSection.WINS,), ReportFormat.JSON)
    finally:
        alex.lock()
    assert b"SHARED-IN-RANGE" not in all_bytes(vault_dir)


def test_check_in_answers_are_in_the_report_once(alex: Session) -> None:
    """With "Check-in answers" chosen, the answers are there and the timeline says where
    (a ten-year report held them twice); with only the timeline, they are in it."""
    from datetime import timedelta

    yesterday = date.today() - timedelta(days=1)
    alex.checkins.submit(
        CheckinKind.DAILY,
        {"feeling": "ANSWERED-ONCE calm", "need": "time", "action": "walk"},
        day=yesterday,
        at=datetime.combine(yesterday, datetime.min.time()).astimezone() + timedelta(hours=20),
    )
    alex.checkins.reveal_due()  # yesterday is over: revealed (submit may have done it)
    both = to_markdown(
        alex.reports.build(
            ReportRequest(yesterday, date.today(), tuple(ReportSection), ReportFormat.MARKDOWN),
            "Sam",
        )
    )
    assert both.count("ANSWERED-ONCE calm") == 1
    checkins = both[both.index("## Check-in answers") :].split("\n## ")[0]
    assert "ANSWERED-ONCE calm" in checkins
    timeline = both[both.index("## Shared timeline") :].split("\n## ")[0]
    assert "Daily check-in: the answers are under “Check-in answers”." in timeline
    alone = to_markdown(
        alex.reports.build(
            ReportRequest(
                yesterday, date.today(), (ReportSection.TIMELINE,), ReportFormat.MARKDOWN
            ),
            "Sam",
        )
    )
    assert alone.count("ANSWERED-ONCE calm") == 1
    assert "the answers are under" not in alone


def test_the_cyclic_collector_rests_while_a_report_is_built_and_is_back_after_an_error(
    vault_dir: Path, tmp_path: Path
) -> None:
    import gc

    make_history(vault_dir)
    seen: list[bool] = []

    def failing_pdf(report: object, progress: object = None) -> bytes:
        seen.append(gc.isenabled())
        raise RuntimeError("the disk went away")

    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert gc.isenabled()
        with pytest.raises(RuntimeError, match="the disk went away"):
            alex.reports.export(
                request(ReportFormat.PDF), tmp_path / "r.pdf", SAM_PASS, pdf=failing_pdf
            )
        assert seen == [False]  # off while the report was laid out
        assert gc.isenabled()  # and back on after the error
        assert not (tmp_path / "r.pdf").exists()
        alex.reports.export(request(ReportFormat.JSON), tmp_path / "r.json", SAM_PASS)
        assert gc.isenabled() and (tmp_path / "r.json").exists()
    finally:
        alex.lock()


def test_the_other_partners_kdf_runs_beside_the_build_and_their_keys_are_wiped_after_an_error(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from twofold.vault import crypto
    from twofold.vault.vault import Cosigner

    make_history(vault_dir)
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    derived_on: list[int] = []
    closed: list[Cosigner] = []
    real_derive, real_close = crypto.derive_kek, Cosigner.close

    def derive(*args: object, **kwargs: object) -> bytearray:
        derived_on.append(threading.get_ident())
        return real_derive(*args, **kwargs)  # type: ignore[arg-type]

    def close(self: Cosigner) -> None:
        closed.append(self)
        real_close(self)

    def failing_pdf(report: object, progress: object = None) -> bytes:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(crypto, "derive_kek", derive)
    monkeypatch.setattr(Cosigner, "close", close)
    try:
        before = alex.timeline.count()
        with pytest.raises(RuntimeError, match="the disk went away"):
            alex.reports.export(
                request(ReportFormat.PDF), tmp_path / "r.pdf", SAM_PASS, pdf=failing_pdf
            )
        assert len(derived_on) == 1 and derived_on[0] != threading.get_ident()
        assert len(closed) == 1 and closed[0]._keys is None  # Sam's signing key wiped
        assert alex.timeline.count() == before and not list(tmp_path.glob("*.pdf*"))
        # and when it all goes well, Sam's key signs export.agreed, then is wiped
        alex.reports.export(request(ReportFormat.JSON), tmp_path / "r.json", SAM_PASS)
        assert len(derived_on) == 2 and len(closed) == 2 and closed[1]._keys is None
        assert alex.timeline.count() == before + 2
    finally:
        alex.lock()


def test_a_wrong_passphrase_stops_the_build_at_its_next_step() -> None:
    from twofold.services.report import _Beside, _stopping

    def wrong() -> object:
        raise WrongPassphrase("That is not Sam's passphrase.")

    consent = _Beside(wrong)  # type: ignore[arg-type]
    assert consent.settle() is None  # waited: it ended with its error, no keys
    seen: list[int] = []
    step = _stopping(consent, lambda done, total: seen.append(done))
    assert step is not None
    with pytest.raises(WrongPassphrase, match="not Sam's"):
        step(1, 7)
    assert seen == []
    with pytest.raises(WrongPassphrase, match="not Sam's"):
        consent.result()
