"""Stage: register — the 依申请公开 request register: working-day deadlines, the event log and its state
machine, documents, and 表三/表四 computed from the requests."""

from gongkai.register.annual import FeeSummary, fees_for_year, tables_for_year
from gongkai.register.calendar import Arrangement, WorkCalendar, build_calendar, load_arrangement
from gongkai.register.case import CaseState, Event, State, fold
from gongkai.register.deadlines import Deadline, Period, Stop, deadline, due_date, request_deadlines
from gongkai.register.ledger import NewRequest, Register
from gongkai.register.steps import Channel, EventKind, parse_outcome
from gongkai.register.synthetic import generate

__all__ = [
    "Arrangement",
    "CaseState",
    "Channel",
    "Deadline",
    "Event",
    "EventKind",
    "FeeSummary",
    "NewRequest",
    "Period",
    "Register",
    "State",
    "Stop",
    "WorkCalendar",
    "build_calendar",
    "deadline",
    "due_date",
    "fees_for_year",
    "fold",
    "generate",
    "load_arrangement",
    "parse_outcome",
    "request_deadlines",
    "tables_for_year",
]
