/*
 * Small SYNTHETIC inputs for the reliability tests: invented pseudonyms
 * (M1, C1, W1), the organisations and regions of the embedded Zuid-West
 * registry, no real person. Kept small so that a sweep over every
 * allocation stays cheap.
 */
#ifndef JBW_REL_FIXTURE_H
#define JBW_REL_FIXTURE_H

/* Assigned, nieuw and bestaand measures of several kinds, siblings in F1
 * and F3, in two organisations and three regions. */
static const char rel_measures_csv[] =
    "id,child_id,family_id,kind,organisation,region,start,end,worker_id,"
    "first_assigned,waiting_since,previous_workers,safety,placement,"
    "birth_date,last_contact,jr_risk\n"
    "M1,C1,F1,OTS,JBWEST,ZHZ,2025-01-10,,W1,2025-01-14,,0,safe,placed,"
    "2012-05-01,2025-08-20,\n"
    "M2,C2,F1,VOTS,JBWEST,ZHZ,2025-06-02,2025-09-01,W2,2025-06-03,,0,acute,"
    "crisis,2016-11-30,,\n"
    "M3,C3,\"Fam \"\"X\"\"; a,b\",OTS,JBWEST,ZHZ,2025-08-18,,,,,0,unknown,"
    "none,,,\n"
    "M4,C4,,JR_TB_GEDWONGEN,WSS,ZHZ,2024-11-04,,,2024-11-10,2025-07-01,1,"
    "concerns,none,2008-02-29,2025-07-15,high\n"
    "M5,C5,F3,VOOGDIJ,JBWEST,HGL,2025-03-03,,,,,0,unsafe,none,2023-01-01,,\n"
    "M6,C6,F3,OTS,JBWEST,HGL,2025-04-01,,,2025-04-02,2025-08-01,3,acute,"
    "none,2020-06-15,2025-08-15,\n"
    "M7,C7,,VOTS,JBWEST,HGL,2025-08-25,,,,,0,unsafe,crisis,2019-02-02,,\n"
    "M8,C8,,OTS,WSS,HR,2025-02-14,,W3,2025-02-20,,0,safe,none,,,\n";

static const char rel_workers_csv[] =
    "id,organisation,region,fte,hired,leaving\n"
    "W1,JBWEST,ZHZ,0.8,2020-03-01,\n"
    "W2,JBWEST,ZHZ,1,2023-09-01,2025-12-01\n"
    "W3,WSS,,0.5,2024-01-15,\n"
    "W4,JBWEST,HGL,1,2025-07-01,\n";

/* For lenient loads: two good rows and three rejected ones. */
static const char rel_measures_bad_csv[] =
    "id,child_id,family_id,kind,organisation,region,start,end,worker_id,"
    "first_assigned,waiting_since,previous_workers,safety,placement,"
    "birth_date,last_contact,jr_risk\n"
    "G1,C1,,OTS,JBWEST,ZHZ,2025-01-10,,W1,2025-01-14,,0,safe,none,,,\n"
    "B1,C2,,OTS,JBWEST,ZHZ,31-02-2025,,,,,0,safe,none,,,\n"
    "B2,C3,,XYZ,JBWEST,ZHZ,2025-01-10,,,,,0,safe,none,,,\n"
    "B3,C4,,OTS,JBWEST,ZHZ,2025-01-10,,W9,2025-01-11,,0,safe,none,,,\n"
    "G2,C5,,OTS,WSS,HR,2025-02-14,,,,,0,unsafe,none,,,\n";

static const char rel_registry_csv[] =
    "type,key,name,cbs_code,region\n"
    "region,NRD,\"Regio Noord, Kust\",JZ01,\n"
    "region,ZUID,Regio Zuid,,\n"
    "municipality,,\"Dorp, aan Zee\",,NRD\n"
    "municipality,,Stad,,ZUID\n"
    "organisation,GI1,Instelling Een,,NRD|ZUID\n"
    "organisation,GI2,Instelling Twee,,ZUID\n";

static const char rel_norm_text[] = "name = Gewogen norm (synthetic)\n"
                                    "source = test fixture\n"
                                    "unit = family\n"
                                    "caseload_per_fte = 9\n"
                                    "weight.VOTS = 1.5\n"
                                    "weight.JR_TB_GEDWONGEN = 0.8\n"
                                    "ramp.0 = 0.4\n"
                                    "ramp.2 = 0.7\n"
                                    "ramp.5 = 1\n"
                                    "under_below = 0.85\n"
                                    "over_above = 1.05\n";

static const char rel_model_text[] =
    "name = wachtrisico-test\n"
    "description = a changed copy for the tests (synthetic)\n"
    "version = 2\n"
    "points.safety.unsafe = 35\n"
    "points.bestaand = 12\n"
    "band.hoog.min = 45\n"
    "contact.laag = 15\n";

/* A forecast scenario over the fixture's start state. */
static const char rel_scenario_text[] = "months = 6\n"
                                        "turnover = 18%\n"
                                        "hires_fte = 0.5\n"
                                        "hire_months = 3\n"
                                        "inflow.OTS = 2\n"
                                        "inflow.VOTS = 0.5\n"
                                        "finance = 1\n"
                                        "tariff.OTS = 17000\n"
                                        "staff_cost = 80000\n"
                                        "fixed_costs = 150000\n"
                                        "shock.surge = VOTS 2 4 1.5\n";

/* 2025-09-01 as days since 1970-01-01 (20332 = 55 years of 365 days plus
 * 14 leap days 1972..2024, plus 243 days from 1 January to 1 September). */
#define REL_DATE_2025_09_01 ((jbw_date)20332)

#endif /* JBW_REL_FIXTURE_H */
