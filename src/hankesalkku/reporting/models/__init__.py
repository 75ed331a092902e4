"""Reporting's models: indicators and outcomes, targets and reports, districts' values."""

from .breakdowns import (
    Breakdown,
    BreakdownCategory,
    FinalReportAnswer,
    FinalReportQuestion,
    ReportBreakdownValue,
)
from .districts import DistrictMeasure, DistrictValue, PartDistrict
from .follow_up import ReminderKind, ReportAttachment, ReportReminder, TargetDistrict
from .indicators import Direction, Indicator, IndicatorCategory, IndicatorKind, Outcome
from .reports import (
    REPORT_TRANSITIONS,
    Report,
    ReportKind,
    ReportPeriod,
    ReportStatus,
    ReportValue,
    Target,
)

__all__ = [
    "Breakdown",
    "BreakdownCategory",
    "FinalReportAnswer",
    "FinalReportQuestion",
    "ReportBreakdownValue",
    "REPORT_TRANSITIONS",
    "Direction",
    "DistrictMeasure",
    "DistrictValue",
    "Indicator",
    "IndicatorCategory",
    "IndicatorKind",
    "Outcome",
    "PartDistrict",
    "Report",
    "ReportKind",
    "ReportPeriod",
    "ReportStatus",
    "ReportValue",
    "Target",
    "TargetDistrict",
    "ReminderKind",
    "ReportAttachment",
    "ReportReminder",
]
