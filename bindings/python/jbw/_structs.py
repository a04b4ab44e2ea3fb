"""ctypes mirrors of libjbw's public versioned structs.

Each mirror lists the C fields in the header's order with the C types:
enums are C ``int``, ``size_t`` is ``c_size_t``, ``jbw_date`` is ``int32_t``,
``unsigned int version`` is ``c_uint``. The sizes in the comments are the
x86_64 (LP64) layouts worked out by hand from the headers; the tests check
them.
"""
from __future__ import annotations

import ctypes
from ctypes import (c_char_p, c_double, c_int, c_int32, c_longlong, c_size_t,
                    c_uint, c_uint32)

c_date = c_int32
c_enum = c_int

KIND_SLOTS = 32   # JBW_KIND_SLOTS
ITEM_SLOTS = 16   # JBW_ITEM_SLOTS
DATE_NONE = -2147483648  # JBW_DATE_NONE (INT32_MIN)


class CalendarOptions(ctypes.Structure):
    """jbw_calendar_options (date.h). x86_64: 3 x 4 bytes = 12."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("good_friday_off", c_int),
        ("liberation_day", c_enum),
    ]


class HolidayC(ctypes.Structure):
    """jbw_holiday (date.h). x86_64: date 0, kind 4; size 8."""
    _fields_ = [
        ("date", c_date),
        ("kind", c_enum),
    ]


class RegionInfo(ctypes.Structure):
    """jbw_region_info (registry.h). x86_64: version 0, pad, key 8, name 16,
    cbs_code 24; size 32."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("key", c_char_p),
        ("name", c_char_p),
        ("cbs_code", c_char_p),
    ]


class MunicipalityInfo(ctypes.Structure):
    """jbw_municipality_info (registry.h). x86_64: version 0, name 8,
    region 16; size 24."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("name", c_char_p),
        ("region", c_char_p),
    ]


class OrganisationInfo(ctypes.Structure):
    """jbw_organisation_info (registry.h). x86_64: version 0, key 8,
    name 16, region_count 24; size 32."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("key", c_char_p),
        ("name", c_char_p),
        ("region_count", c_size_t),
    ]


class WorkerC(ctypes.Structure):
    """jbw_worker (measure.h). x86_64: version 0, id 8, organisation 16,
    region 24, fte 32, hired 40, leaving 44; size 48."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("id", c_char_p),
        ("organisation", c_char_p),
        ("region", c_char_p),
        ("fte", c_double),
        ("hired", c_date),
        ("leaving", c_date),
    ]


class MeasureC(ctypes.Structure):
    """jbw_measure (measure.h). x86_64: version 0, id 8, child_id 16,
    family_id 24, kind 32, organisation 40, region 48, start 56, end 60,
    worker_id 64, first_assigned 72, waiting_since 76, previous_workers 80,
    safety 84, placement 88, birth_date 92, last_contact 96, jr_risk 100;
    record version 2: safety_plan 104, other_help 108, domestic_violence
    112, term_end 116, override_band 120, override_reason 128; record
    version 3: help_requested 136, help_started 140; size 144."""
    VERSION = 3
    _fields_ = [
        ("version", c_uint),
        ("id", c_char_p),
        ("child_id", c_char_p),
        ("family_id", c_char_p),
        ("kind", c_enum),
        ("organisation", c_char_p),
        ("region", c_char_p),
        ("start", c_date),
        ("end", c_date),
        ("worker_id", c_char_p),
        ("first_assigned", c_date),
        ("waiting_since", c_date),
        ("previous_workers", c_int),
        ("safety", c_enum),
        ("placement", c_enum),
        ("birth_date", c_date),
        ("last_contact", c_date),
        ("jr_risk", c_enum),
        ("safety_plan", c_enum),
        ("other_help", c_enum),
        ("domestic_violence", c_enum),
        ("term_end", c_date),
        ("override_band", c_int),
        ("override_reason", c_char_p),
        ("help_requested", c_date),
        ("help_started", c_date),
    ]


class SnapshotCounts(ctypes.Structure):
    """jbw_snapshot_counts (snapshot.h). x86_64: version 0, seven size_t at
    8..56, by_kind[32] at 64; size 64 + 256 = 320."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("active", c_size_t),
        ("assigned", c_size_t),
        ("waiting_nieuw", c_size_t),
        ("waiting_bestaand", c_size_t),
        ("children", c_size_t),
        ("families", c_size_t),
        ("workers", c_size_t),
        ("by_kind", c_size_t * KIND_SLOTS),
    ]


class ReportOptions(ctypes.Structure):
    """jbw_report_options (report.h). x86_64: version 0, lang 4,
    workers_table 8, (pad), top 16; size 24."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("lang", c_int),
        ("workers_table", c_int),
        ("top", c_size_t),
    ]


class LoadOptions(ctypes.Structure):
    """jbw_load_options (io.h). x86_64: 4 x 4 bytes + 2 x 8 + 4 (+ 4
    padding) = 40."""
    VERSION = 3
    _fields_ = [
        ("version", c_uint),
        ("lenient", c_int),
        ("allow_unknown_columns", c_int),
        ("reference_date", c_date),
        ("max_file_bytes", c_size_t),
        ("max_line_bytes", c_size_t),
        ("threads", c_uint),
    ]


class CaseloadOptions(ctypes.Structure):
    """jbw_caseload_options (caseload.h). x86_64: 5 x 4 bytes = 20."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("date", c_date),
        ("period_from", c_date),
        ("period_to", c_date),
        ("coupling_workdays", c_int32),
    ]


class CaseloadTotals(ctypes.Structure):
    """jbw_caseload_totals (caseload.h). x86_64: version 0; seven size_t at
    8..56; seven doubles at 64..112; three size_t at 120..136; two doubles
    at 144, 152; by_kind[32] at 160 (to 416); version 2:
    waiting_for_help 416, waiting_for_help_past_norm 424; size 432."""
    VERSION = 2
    _fields_ = [
        ("version", c_uint),
        ("active_measures", c_size_t),
        ("children", c_size_t),
        ("families", c_size_t),
        ("assigned", c_size_t),
        ("waiting_nieuw", c_size_t),
        ("waiting_bestaand", c_size_t),
        ("workers", c_size_t),
        ("required_fte", c_double),
        ("available_fte", c_double),
        ("effective_fte", c_double),
        ("fte_gap", c_double),
        ("free_capacity", c_double),
        ("load", c_double),
        ("capacity", c_double),
        ("coupling_started", c_size_t),
        ("coupling_within", c_size_t),
        ("coupling_waiting_past", c_size_t),
        ("coupling_within_pct", c_double),
        ("coupling_median_workdays", c_double),
        ("by_kind", c_size_t * KIND_SLOTS),
        ("waiting_for_help", c_size_t),
        ("waiting_for_help_past_norm", c_size_t),
    ]


class WorkerLoadC(ctypes.Structure):
    """jbw_worker_load (caseload.h). x86_64: version 0, id 8,
    organisation 16, region 24, fte 32, tenure_months 40, (pad),
    effective_fte 48, capacity 56, load 64, ratio 72, status 80, (pad),
    measures 88; size 96."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("id", c_char_p),
        ("organisation", c_char_p),
        ("region", c_char_p),
        ("fte", c_double),
        ("tenure_months", c_int32),
        ("effective_fte", c_double),
        ("capacity", c_double),
        ("load", c_double),
        ("ratio", c_double),
        ("status", c_enum),
        ("measures", c_size_t),
    ]


class FindingC(ctypes.Structure):
    """jbw_finding (caseload.h). x86_64: version 0, rule 4, measure_id 8,
    since 16, last 20; size 24."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("rule", c_enum),
        ("measure_id", c_char_p),
        ("since", c_date),
        ("last", c_date),
    ]


class SeriesPointC(ctypes.Structure):
    """jbw_series_point (caseload.h). x86_64: version 0, date 4, nieuw 8,
    bestaand 16, total 24, share_bestaand 32, change_nieuw 40,
    change_bestaand 48, change_total 56; size 64."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("date", c_date),
        ("nieuw", c_size_t),
        ("bestaand", c_size_t),
        ("total", c_size_t),
        ("share_bestaand", c_double),
        ("change_nieuw", c_longlong),
        ("change_bestaand", c_longlong),
        ("change_total", c_longlong),
    ]


class WaitCaseC(ctypes.Structure):
    """jbw_wait_case (waitrisk.h). x86_64: version 0, id 8, child_id 16,
    family_id 24, organisation 32, region 40, kind 48, safety 52,
    placement 56, jr_risk 60, waiting_since 64, birth_date 68,
    last_contact 72, previous_workers 76; record version 2: safety_plan 80,
    other_help 84, domestic_violence 88, term_end 92, override_band 96,
    override_reason 104; size 112."""
    VERSION = 2
    _fields_ = [
        ("version", c_uint),
        ("id", c_char_p),
        ("child_id", c_char_p),
        ("family_id", c_char_p),
        ("organisation", c_char_p),
        ("region", c_char_p),
        ("kind", c_enum),
        ("safety", c_enum),
        ("placement", c_enum),
        ("jr_risk", c_enum),
        ("waiting_since", c_date),
        ("birth_date", c_date),
        ("last_contact", c_date),
        ("previous_workers", c_int),
        ("safety_plan", c_enum),
        ("other_help", c_enum),
        ("domestic_violence", c_enum),
        ("term_end", c_date),
        ("override_band", c_int),
        ("override_reason", c_char_p),
    ]


class ScoreC(ctypes.Structure):
    """jbw_score (waitrisk.h). x86_64: version 0, points 4, band 8,
    workdays_waiting 12, workdays_no_contact 16, age_years 20,
    next_contact_due 24, items 28, item_points[16] 32; size 32 + 64 = 96."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("points", c_int),
        ("band", c_enum),
        ("workdays_waiting", c_int32),
        ("workdays_no_contact", c_int32),
        ("age_years", c_int32),
        ("next_contact_due", c_date),
        ("items", c_uint32),
        ("item_points", c_int * ITEM_SLOTS),
    ]


#: Every mirror with its hand-derived x86_64 size (checked by the tests).
X86_64_SIZES = {
    ReportOptions: 24,
    CalendarOptions: 12,
    HolidayC: 8,
    RegionInfo: 32,
    MunicipalityInfo: 24,
    OrganisationInfo: 32,
    WorkerC: 48,
    MeasureC: 144,
    SnapshotCounts: 320,
    LoadOptions: 40,
    CaseloadOptions: 20,
    CaseloadTotals: 432,
    WorkerLoadC: 96,
    FindingC: 24,
    SeriesPointC: 64,
    WaitCaseC: 112,
    ScoreC: 96,
}
