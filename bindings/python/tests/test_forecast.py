"""Forecast and staffing. Expected values follow from the model's
equations in forecast.h, worked out for small cases by hand."""
import json
import math
import os
import subprocess
import unittest
from datetime import date

import jbw
from jbw import Kind

from .support import D, small_snapshot


def waiting_only(months=24, staff=0.0):
    """12 OTS measures waiting nieuw, mean duration 10 months, no inflow;
    ``staff`` FTE tenured 36+ months (ramp 1.0, capacity 12 per FTE)."""
    p = jbw.ForecastParams.default()
    p.months = months
    p.waiting_nieuw[Kind.OTS] = 12
    p.duration[Kind.OTS] = 10
    p.staff_fte[36] = staff
    p.turnover = 0   # worked by hand without staff leaving (default 0.2)
    return p


class Params(unittest.TestCase):
    def test_defaults_follow_the_header(self):
        p = jbw.ForecastParams.default()
        self.assertEqual(p.months, 24)
        self.assertIsNone(p.start)
        # CBS 2022, average stock / outflow x 12: OTS 20,640 / 9,000 x 12 =
        # 27.52; voogdij 9,280 / 1,325 x 12 = 84.05; VOTS 342.5 / 1,345 x 12
        # = 3.06 (docs/forecast.md); turnover: "bijna een vijfde" (FTM/Pointer)
        self.assertEqual(p.duration[Kind.OTS], 27.5)
        self.assertEqual(p.duration[Kind.VOOGDIJ], 84.0)
        self.assertEqual(p.duration[Kind.VOTS], 3.1)
        self.assertEqual(p.turnover, 0.2)
        self.assertEqual(p.hire_months, jbw.FORECAST_MONTHS_MAX)
        self.assertTrue(p.bestaand_first and p.emergency_first)
        self.assertEqual((p.fte_per_worker, p.units_per_measure), (1.0, 1.0))
        self.assertEqual(len(p.staff_fte), jbw.TENURE_SLOTS)
        self.assertEqual(p.waiting, 0)

    def test_a_statistic_by_its_code_and_bad_ones_refused_by_name(self):
        p = jbw.ForecastParams.default()
        p.assigned[Kind.OTS] = 100.0
        p.inflow[Kind.OTS] = 4.0
        with jbw.run_forecast(p, replicates=20, seed=3) as f:
            self.assertEqual(f.month(6, "p95"), f.month(6, jbw.Statistic.P95))
            self.assertEqual(f.series("P50"), f.series(jbw.Statistic.P50))
            self.assertEqual(f.by_kind(6, "p5"), f.by_kind(6, jbw.Statistic.P5))
            self.assertEqual(f[1:3], [f[1], f[2]])
            with self.assertRaisesRegex(ValueError, "stat must be one of mean, p5, p50, p95"):
                f.month(6, "p99")
            with self.assertRaisesRegex(ValueError, "stat must be 0..3"):
                f.month(6, 7)
            with self.assertRaisesRegex(TypeError, "stat must be a whole number"):
                f.month(6, 2.0)
        # a per-kind field given a number instead of a dict is named
        with self.assertRaisesRegex(TypeError, "inflow must be a dict of kind to number"):
            jbw.run_forecast(p.replace(inflow=100.0))

    def test_the_constructor_defaults_are_the_librarys(self):
        # ForecastParams() once gave turnover 0 and no durations, where
        # default() gives the library's 0.2 and CBS 2022 durations
        p = jbw.ForecastParams()
        self.assertEqual(p, jbw.ForecastParams.default())
        self.assertEqual((p.turnover, p.duration[Kind.OTS]), (0.2, 27.5))
        # a field given replaces its default only; defaults are not shared
        q = jbw.ForecastParams(turnover=0.1)
        self.assertEqual((q.turnover, q.duration[Kind.VOOGDIJ]), (0.1, 84.0))
        q.duration[Kind.OTS] = 12.0
        self.assertEqual(jbw.ForecastParams().duration[Kind.OTS], 27.5)

    def test_from_snapshot_counts_the_small_snapshot(self):
        with small_snapshot() as snap:
            p = jbw.ForecastParams.from_snapshot(
                snap, norm=jbw.Norm.named("significant-children"))
        # assigned M1 (OTS), M2 (VOTS), M4 (JR_TB_GEDWONGEN); M3 nieuw and
        # M6 bestaand are OTS; W1 (68 months) in the last slot, W2 (1 month)
        self.assertEqual(p.assigned[Kind.OTS], 1)
        self.assertEqual(p.assigned[Kind.VOTS], 1)
        self.assertEqual(p.assigned[Kind.JR_TB_GEDWONGEN], 1)
        self.assertEqual((p.waiting_nieuw[Kind.OTS], p.waiting_bestaand[Kind.OTS]), (1, 1))
        self.assertEqual((p.staff_fte[36], p.staff_fte[1], sum(p.staff_fte)), (1.0, 0.5, 1.5))
        self.assertEqual(p.start, D)
        # unit child: 4 children / 5 active measures
        self.assertAlmostEqual(p.units_per_measure, 0.8)
        # steady-state inflow: 3 active OTS / 27.5 months
        self.assertAlmostEqual(p.inflow[Kind.OTS], 3 / 27.5)

    def test_from_snapshot_without_a_norm_uses_the_default_norm(self):
        # the default norm (FNV-GI 2023) counts measures: 1 unit per measure,
        # not the 4 children / 5 measures of unit child
        with small_snapshot() as snap:
            p = jbw.ForecastParams.from_snapshot(snap)
            q = jbw.ForecastParams.from_snapshot(snap, norm=jbw.Norm.default())
        self.assertEqual(p.units_per_measure, 1.0)
        self.assertEqual(p, q)

    def test_from_snapshot_for_an_organisation_without_measures(self):
        with small_snapshot() as snap:
            p = jbw.ForecastParams.from_snapshot(snap, organisation="WSS")
            self.assertEqual(p.waiting, 0)
            with self.assertRaises(jbw.NotFound):
                jbw.ForecastParams.from_snapshot(snap, region="XX")

    def test_replace_copies_deeply(self):
        base = waiting_only()
        other = base.replace(turnover=0.1)
        other.inflow[Kind.OTS] = 99
        self.assertEqual((base.turnover, base.inflow[Kind.OTS]), (0.0, 0.0))
        self.assertEqual(other.turnover, 0.1)
        with self.assertRaises(TypeError):
            base.replace(colour="blue")

    def test_check_names_the_bad_field(self):
        p = waiting_only()
        p.inflow[Kind.OTS] = -2
        with self.assertRaises(jbw.InvalidArgument) as cm:
            p.check()
        self.assertIn("inflow", str(cm.exception))
        p = waiting_only(months=601)
        with self.assertRaises(jbw.RangeError):
            p.check()
        p = waiting_only()
        p.waiting_nieuw[Kind.OTS] = 1.5
        p.check()
        with self.assertRaises(jbw.InvalidArgument):
            p.check(stochastic=True)   # stochastic runs need whole counts
        p.turnover = float("nan")
        with self.assertRaises(jbw.InvalidArgument):
            p.check()


class Deterministic(unittest.TestCase):
    def test_without_staff_the_waiting_list_only_decays_by_exits(self):
        # exits 1/10 a month: waiting(t) = 12 x 0.9^t
        with jbw.run_forecast(waiting_only()) as fc:
            self.assertEqual((fc.months, fc.replicates, fc.seed), (24, 0, 0))
            self.assertEqual(len(fc), 25)
            self.assertEqual(fc[0].waiting, 12)
            self.assertAlmostEqual(fc[1].waiting_nieuw, 10.8)
            self.assertAlmostEqual(fc[2].waiting, 9.72)
            self.assertAlmostEqual(fc[24].waiting, 12 * 0.9 ** 24)
            self.assertAlmostEqual(fc[1].exits, 1.2)
            self.assertEqual(fc.statistics, [jbw.Statistic.MEAN])
            with self.assertRaises(jbw.InvalidArgument):
                fc.month(1, jbw.Statistic.P95)   # no percentiles when deterministic
            with self.assertRaises(jbw.RangeError):
                fc.month(25)

    def test_one_fte_takes_the_waiting_list_in_month_one(self):
        # month 1: exits 1.2 -> 10.8 waiting; capacity 1 x 12 = 12 takes all
        # 10.8; month 2: exits 1.08 -> 9.72 assigned, free 12 - 9.72 = 2.28
        with jbw.run_forecast(waiting_only(staff=1.0)) as fc:
            m1, m2 = fc[1], fc[2]
            self.assertAlmostEqual(m1.intake, 10.8)
            self.assertAlmostEqual(m1.waiting, 0.0)
            self.assertAlmostEqual(m1.assigned, 10.8)
            self.assertAlmostEqual(m1.capacity, 12.0)
            self.assertAlmostEqual(m2.assigned, 9.72)
            self.assertAlmostEqual(m2.free_capacity, 2.28)

    def test_turnover_is_the_monthly_rate_of_the_annual_one(self):
        # r = 1 - (1 - 0.2)^(1/12); 10 FTE keep 10 x 0.8^(1/12) after a month
        p = waiting_only(staff=10.0)
        p.turnover = 0.2
        with jbw.run_forecast(p) as fc:
            self.assertAlmostEqual(fc[1].fte, 10 * 0.8 ** (1 / 12))
            self.assertAlmostEqual(fc[1].leavers_fte, 10 * (1 - 0.8 ** (1 / 12)))
            self.assertAlmostEqual(fc[12].fte, 8.0)

    def test_stocks_balance_every_month(self):
        with small_snapshot() as snap:
            p = jbw.ForecastParams.from_snapshot(snap)
        p.inflow[Kind.VOTS] = 2
        with jbw.run_forecast(p) as fc:
            for t in range(1, fc.months + 1):
                a, b = fc[t - 1], fc[t]
                self.assertAlmostEqual(b.active, a.active + b.inflow - b.exits)
                self.assertAlmostEqual(b.waiting, b.waiting_nieuw + b.waiting_bestaand)
                self.assertAlmostEqual(b.active, b.assigned + b.waiting)
            self.assertEqual(fc[3].date, date(2025, 12, 1))

    def test_finance_revenue_is_tariff_over_12_times_active(self):
        p = jbw.ForecastParams.default()
        p.turnover = 0                      # the one FTE stays
        p.assigned[Kind.OTS] = 10
        p.staff_fte[36] = 1
        p.duration[Kind.OTS] = 1200         # the longest allowed: 1/1200 exit a month
        p.finance = True
        p.tariff[Kind.OTS] = 12000          # per measure-year: 1000 a month
        p.staff_cost = 60000                # 5000 a month for 1 FTE
        p.fixed_costs = 24000               # 2000 a month
        with jbw.run_forecast(p) as fc:
            self.assertTrue(fc.has_finance)
            m = fc[1]
            active = 10 * (1 - 1 / 1200)    # 9.99167 after month 1's exits
            self.assertAlmostEqual(m.active, active)
            self.assertAlmostEqual(m.revenue, 1000 * active)        # 9991.67
            self.assertAlmostEqual(m.staff_cost, 5000)
            self.assertAlmostEqual(m.fixed_costs, 2000)
            self.assertAlmostEqual(m.margin, 1000 * active - 7000)  # 2991.67
            # (revenue - staff cost) / fixed costs = 4991.67 / 2000 = 2.496
            self.assertAlmostEqual(m.coverage, (1000 * active - 5000) / 2000)
        with jbw.run_forecast(waiting_only()) as fc:
            self.assertFalse(fc.has_finance)
            self.assertIsNone(fc[1].revenue)

    def test_outputs(self):
        with jbw.run_forecast(waiting_only(months=6)) as fc:
            doc = fc.to_dict()
            self.assertEqual(doc, json.loads(fc.to_json()))
            self.assertEqual(doc["months"], 6)
            self.assertIn("statistic,month,date", fc.to_csv().splitlines()[0])
            self.assertIn("Prognose, 6 maanden", fc.to_text())
            self.assertIn("Forecast, 6 months", fc.to_text("en"))
            with self.assertRaises(ValueError):
                fc.to_text("de")
            # the assumed inflow: 0 in month 0, the parameters' after it
            self.assertEqual(fc.inflow_expected(0), 0)
            self.assertAlmostEqual(fc.inflow_expected(1), fc[1].inflow)
            with self.assertRaises(ValueError):
                fc.inflow_expected(7)
            svg = fc.to_svg("Test <title>")
            self.assertIn("<svg", svg)
            self.assertIn("&lt;title&gt;", svg)
            rows = fc.to_records()
            self.assertEqual(len(rows), 7)
            self.assertEqual(rows[0]["statistic"], "mean")


class Stochastic(unittest.TestCase):
    def test_replicates_give_percentiles_and_the_same_seed_the_same_figures(self):
        with small_snapshot() as snap:
            p = jbw.ForecastParams.from_snapshot(snap)
        p.inflow[Kind.OTS] = 3
        p.months = 12
        with jbw.run_forecast(p, replicates=200, seed=7) as a, \
                jbw.run_forecast(p, replicates=200, seed=7) as b:
            self.assertEqual((a.replicates, a.seed), (200, 7))
            self.assertEqual(a.to_json(), b.to_json())
            self.assertEqual(a.statistics, list(jbw.Statistic))
            for t in range(13):
                lo = a.month(t, jbw.Statistic.P5).waiting
                mid = a.month(t, jbw.Statistic.P50).waiting
                hi = a.month(t, jbw.Statistic.P95).waiting
                self.assertLessEqual(lo, mid)
                self.assertLessEqual(mid, hi)
            # means are linear: the balance holds for them too
            for t in range(1, 13):
                m0, m1 = a.month(t - 1), a.month(t)
                self.assertAlmostEqual(m1.active, m0.active + m1.inflow - m1.exits)
            self.assertEqual(len(a.to_records()), 4 * 13)
            self.assertEqual(jbw.Statistic.P95.code, "p95")

    def test_threads_give_the_figures_of_one_thread(self):
        # docs/forecast.md, "Threads": every replicate has its own stream,
        # so the number of threads changes nothing.
        p = waiting_only(months=12, staff=1.0)
        p.inflow[Kind.OTS] = 3
        with jbw.run_forecast(p, replicates=301, seed=3, threads=1) as one, \
                jbw.run_forecast(p, replicates=301, seed=3, threads=4) as four, \
                jbw.run_forecast(p, replicates=301, seed=3) as every_core:
            self.assertEqual(one.to_json(), four.to_json())
            self.assertEqual(one.to_json(), every_core.to_json())
        with self.assertRaises(jbw.Error):
            jbw.run_forecast(p, replicates=2, threads=jbw.FORECAST_THREADS_MAX + 1)

    def test_callbacks_see_every_month_and_can_stop_the_run(self):
        seen = []
        with jbw.run_forecast(waiting_only(months=3), replicates=2, seed=1,
                              on_month=lambda r, m: seen.append((m.month, r))):
            pass
        # months 0..3 in order; within a month, replicates in order
        self.assertEqual(seen, [(t, r) for t in range(4) for r in range(2)])
        calls = []
        with jbw.run_forecast(waiting_only(), replicates=10,
                              progress=lambda d, t: calls.append((d, t))):
            pass
        self.assertTrue(calls)
        self.assertTrue(all(d <= t for d, t in calls))
        with self.assertRaises(jbw.Canceled):
            jbw.run_forecast(waiting_only(), progress=lambda d, t: True)

    def test_an_exception_in_a_callback_is_re_raised(self):
        def boom(replicate, month):
            raise KeyError("stop")
        with self.assertRaises(KeyError):
            jbw.run_forecast(waiting_only(), on_month=boom)

    def test_too_many_replicates_are_refused(self):
        with self.assertRaises(jbw.Error):
            jbw.run_forecast(waiting_only(), replicates=jbw.FORECAST_REPLICATES_MAX + 1)


class Scenarios(unittest.TestCase):
    def test_a_scenario_sets_only_its_keys(self):
        text = ("months = 12\nturnover = 20%\nhires_fte = 2.5\n"
                "inflow.OTS = 40\nshock.surge = VOTS 3 8 1.5\n")
        with jbw.Scenario.parse(text, "s.txt") as sc:
            self.assertEqual(sc.shock_count, 1)
            base = waiting_only()
            p = sc.apply(base)
            self.assertEqual(base.apply(sc), p)
        self.assertEqual((p.months, p.turnover, p.hires_fte, p.inflow[Kind.OTS]),
                         (12, 0.2, 2.5, 40))
        self.assertEqual(p.shocks, [jbw.Shock(Kind.VOTS, 3, 8, 1.5)])
        self.assertEqual(p.duration[Kind.OTS], 10)        # kept from the base
        self.assertEqual(p.waiting_nieuw[Kind.OTS], 12)

    def test_a_scenario_says_whether_it_sets_the_start_state(self):
        # rates, shocks and a hiring plan are not a start state; any count is
        for text, state in (("months = 12\ninflow.OTS = 40\nhire.1 = 75\n", False),
                            ("shock.s = ALL 1 2 1.5\n", False),
                            ("waiting_bestaand.OTS = 99\n", True),
                            ("staff.36 = 110\n", True)):
            with jbw.Scenario.parse(text) as sc:
                self.assertIs(sc.sets_start_state, state, text)

    def test_shocks_multiply_the_inflow(self):
        p = waiting_only(months=4)
        p.inflow[Kind.OTS] = 10
        p.shocks = [jbw.Shock(None, 2, 3, 1.5), jbw.Shock(Kind.OTS, 3, 3, 2.0)]
        with jbw.run_forecast(p) as fc:
            # month 1: 10; month 2: x1.5 = 15; month 3: x1.5 x2 = 30; month 4: 10
            self.assertEqual([round(fc[t].inflow, 9) for t in range(1, 5)], [10, 15, 30, 10])

    def test_shocks_from_csv(self):
        with jbw.Scenario("months = 6\n") as sc:
            sc.add_shocks_csv("month,kind,multiplier\n3,VOTS,1.5\n4,ALL,0.5\n")
            self.assertEqual(sc.shock_count, 2)
            p = sc.apply()
            self.assertIn(jbw.Shock(None, 4, 4, 0.5), p.shocks)
            with self.assertRaises(jbw.ParseError) as cm:
                sc.add_shocks_csv("month,kind,multiplier\n3,NOPE,1.5\n", "bad.csv")
            self.assertIn("bad.csv", str(cm.exception))
            self.assertEqual(sc.shock_count, 2)

    def test_a_bad_scenario_names_source_line_and_key(self):
        with self.assertRaises(jbw.ParseError) as cm:
            jbw.Scenario.parse("months = 12\nturnover = 120%\n", "s.txt")
        msg = str(cm.exception)
        self.assertIn("s.txt", msg)
        self.assertIn("turnover", msg)
        with self.assertRaises(jbw.ParseError):
            jbw.Scenario.parse("colour = blue\n")

    def test_load_from_a_file(self):
        import os
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "s.txt")
            jbw.write_file(path, "months = 7\n")
            with jbw.Scenario.load(path) as sc:
                self.assertEqual(sc.apply().months, 7)
        with self.assertRaises(jbw.JbwIOError):
            jbw.Scenario.load("/nonexistent/s.txt")


class Staffing(unittest.TestCase):
    def test_relief_is_the_smallest_hiring_that_reaches_the_target(self):
        p = waiting_only(months=12, staff=0.0)
        p.inflow[Kind.OTS] = 2
        h = jbw.relief(p, target_waiting=5, within_months=6)
        self.assertAlmostEqual(h * 1000, round(h * 1000), places=6)   # a multiple of 0.001

        def waiting_at_6(hires):
            q = waiting_only(months=6, staff=0.0)
            q.inflow[Kind.OTS] = 2
            q.hires_fte, q.hire_months = hires, 6
            with jbw.run_forecast(q) as fc:
                return fc[6].waiting
        self.assertLessEqual(waiting_at_6(h), 5 + 1e-9)
        self.assertGreater(waiting_at_6(h - 0.001), 5)
        # a higher target never needs more hiring
        self.assertLessEqual(jbw.relief(p, 8, 6), h)
        with self.assertRaises(jbw.RangeError):
            jbw.relief(p, 5, 601)
        with self.assertRaises(jbw.InvalidArgument):
            jbw.relief(p, float("nan"), 6)

    def test_relief_errors_name_the_python_parameters(self):
        # the library's messages name its C parameters ("target", in
        # jbw_forecast_relief); a Python caller passed target_waiting and
        # within_months, with the exception classes the library raises
        p = waiting_only(months=12, staff=0.0)
        calls = (lambda t, m: jbw.relief(p, t, m),
                 lambda t, m: jbw.relief_probability(p, t, m, 0.9, replicates=5),
                 lambda t, m: jbw.staffing_relief(p, t, m),
                 lambda t, m: jbw.staffing_relief(p, t, m, probability=0.9,
                                                  replicates=5))
        for call in calls:
            with self.assertRaises(jbw.InvalidArgument) as e:
                call(-5, 6)
            self.assertEqual(e.exception.detail,
                             "target_waiting must be a finite number >= 0, got -5")
            with self.assertRaises(jbw.InvalidArgument) as e:
                call(float("inf"), 6)
            self.assertIn("target_waiting", e.exception.detail)
            for months in (0, 601, 2**40):  # 2**40 is no int32: not wrapped to 0
                with self.assertRaises(jbw.RangeError) as e:
                    call(5, months)
                self.assertEqual(e.exception.detail,
                                 f"within_months must be 1 to 600, got {months}")
        with self.assertRaises(jbw.InvalidArgument) as e:
            jbw.relief_probability(p, 5, 6, 1.5)
        self.assertEqual(e.exception.detail,
                         "probability must lie above 0 and below 1, got 1.5")
        with self.assertRaises(jbw.InvalidArgument) as e:
            jbw.staffing_relief(p, 5, 6, probability=0.9, replicates=0)
        self.assertIn("replicates", e.exception.detail)
        self.assertNotIn("jbw_", e.exception.detail)
        # the edges are accepted: a target of 0, 1 and 600 months
        self.assertGreaterEqual(jbw.relief(p, 0, 1), 0)
        self.assertGreaterEqual(jbw.relief(p, 0, 600), 0)

    def test_erlang_c_by_hand(self):
        # c = 1, A = 0.5: M/M/1, P(wait) = rho = 0.5
        self.assertAlmostEqual(jbw.erlang_c(1, 0.5), 0.5)
        # c = 2, A = 1: B(1) = 1/2, B(2) = 0.5 / 2.5 = 0.2,
        # C = 2 x 0.2 / (2 - 1 x 0.8) = 1/3
        self.assertAlmostEqual(jbw.erlang_c(2, 1.0), 1 / 3)
        self.assertEqual(jbw.erlang_c(3, 3.0), 1.0)   # A >= c
        self.assertLess(jbw.erlang_c(100000, 90000.0), 1.0)   # no overflow
        with self.assertRaises(jbw.InvalidArgument):
            jbw.erlang_c(0, 1.0)

    def test_queue_staffing_is_the_fewest_slots_reaching_the_percent(self):
        q = jbw.QueueParams(arrivals_per_workday=1.0, mean_duration_workdays=10.0,
                            within_workdays=5.0, slots_per_fte=1.0)
        r = jbw.queue_staffing(q, 0.80)
        self.assertAlmostEqual(r.offered_load, 10.0)
        self.assertEqual(r.fte, r.slots)    # one slot per FTE

        def share(c):
            # share within N = 1 - C exp(-(c - A) N / duration)
            return 1 - jbw.erlang_c(c, 10.0) * math.exp(-(c - 10.0) * 5 / 10)
        self.assertAlmostEqual(r.share_within, share(r.slots))
        self.assertGreaterEqual(r.share_within, 0.8)
        self.assertLess(share(r.slots - 1), 0.8)
        back = jbw.queue_share(q, r.fte)
        self.assertEqual(back.slots, r.slots)
        self.assertAlmostEqual(back.share_within, r.share_within)
        with self.assertRaises(jbw.InvalidArgument):
            jbw.queue_staffing(q, 100)

    def test_queue_params(self):
        self.assertEqual(jbw.QueueParams.default(), jbw.QueueParams(1.0, 1.0, 5.0, 12.0))
        p = waiting_only()
        p.inflow[Kind.OTS] = 21
        q = jbw.QueueParams.from_forecast(p, workdays_per_month=21)
        # 21 a month over 21 werkdagen: 1 a werkdag; 10 months x 21 werkdagen
        self.assertAlmostEqual(q.arrivals_per_workday, 1.0)
        self.assertAlmostEqual(q.mean_duration_workdays, 210.0)
        self.assertAlmostEqual(q.slots_per_fte, 12.0)
        self.assertEqual(q.within_workdays, 5.0)
        with self.assertRaises(jbw.InvalidArgument):
            jbw.QueueParams.from_forecast(waiting_only(), 21)   # no inflow


class VersionTwo(unittest.TestCase):
    def test_the_appended_fields_round_trip_and_default_to_unset(self):
        p = jbw.ForecastParams.default()
        self.assertIsNone(p.turnover_first_year)
        self.assertEqual(p.vots_to_ots, 0.0)
        self.assertIsNone(p.bestaand_share)
        q = jbw.Scenario.parse("turnover_first_year = 35%\nvots_to_ots = 0.6\n"
                               "bestaand_share = 0.25\n").apply(p)
        self.assertAlmostEqual(q.turnover_first_year, 0.35)
        self.assertAlmostEqual(q.vots_to_ots, 0.6)
        self.assertAlmostEqual(q.bestaand_share, 0.25)

    def test_ending_vots_continue_as_ots(self):
        # 30 assigned VOTS of 3 months: 10 end in month 1, half go on as OTS
        p = jbw.ForecastParams.default()
        p = p.replace(
            months=1, assigned={Kind.VOTS: 30}, vots_to_ots=0.5,
            duration={**p.duration, Kind.VOTS: 3.0},
            staff_fte=[0.0] * 36 + [1000.0])
        m = jbw.run_forecast(p)[1]
        self.assertAlmostEqual(m.exits, 5)
        self.assertAlmostEqual(m.active, 25)


    def test_by_kind_adds_up_to_the_month(self):
        # no staff; 10 VOTS a month: month 1 holds 10 VOTS, all waiting
        p = jbw.ForecastParams.default().replace(months=2, inflow={Kind.VOTS: 10})
        fc = jbw.run_forecast(p)
        k1 = fc.by_kind(1)
        self.assertAlmostEqual(k1[Kind.VOTS]["active"], 10)
        self.assertAlmostEqual(k1[Kind.VOTS]["waiting"], 10)
        k2 = fc.by_kind(2)
        self.assertAlmostEqual(sum(v["active"] for v in k2.values()), fc[2].active)
        self.assertEqual(fc.to_dict()["mean"][1]["by_kind"]["VOTS"]["active"], 10)

    def test_relief_with_a_probability_by_hand(self):
        # 120 nieuw OTS that hardly end; hires carry half a caseload of 12 in
        # month 1: 6 h measures. About 90% of the replicates end none, so
        # the median needs h = 20; at 5% one that ended one is enough:
        # 119 / 6 = 19.834 (tests/test_forecast.c works it out).
        p = jbw.ForecastParams.default().replace(
            months=1, duration={Kind.OTS: 1200}, waiting_nieuw={Kind.OTS: 120})
        self.assertAlmostEqual(jbw.relief_probability(p, 0, 1, 0.5, seed=7), 20.0)
        self.assertAlmostEqual(jbw.relief_probability(p, 0, 1, 0.05, seed=7), 19.834)

if __name__ == "__main__":
    unittest.main()


class HiringPlan(unittest.TestCase):
    """10 FTE of 36+ months and 4 FTE of tenure 0 in post, no turnover, the
    default norm (12 a FTE; ramp 0.5 at tenure 0-2, 0.75 at 3-5, 1 from 6).
    Plan: 6 FTE in month 1 at a quarter of a caseload for 3 months, 2 FTE
    in month 2 on the norm's ramp. Effective FTE: month 1 10 + 4 x 0.5 +
    6 x 0.25 = 13.5; month 3 10 + 4 x 0.75 + 1.5 + 2 x 0.5 = 15.5; month 4
    10 + 3 + 6 + 1 = 20; month 5 10 + 3 + 6 + 2 x 0.75 = 20.5."""

    def base(self):
        p = jbw.ForecastParams.default()
        staff = [4.0] + [0.0] * 35 + [10.0]
        return p.replace(months=5, turnover=0.0, staff_fte=staff)

    def check_figures(self, fc):
        for t, eff in ((1, 13.5), (3, 15.5), (4, 20.0), (5, 20.5)):
            self.assertAlmostEqual(fc[t].effective_fte, eff, places=9)
            self.assertAlmostEqual(fc[t].capacity, 12 * eff, places=9)
        self.assertEqual(fc[1].hires_fte, 6.0)
        self.assertEqual(fc[2].hires_fte, 2.0)

    def test_cohorts_with_their_own_ramp(self):
        p = self.base().replace(hiring_plan=[jbw.Hire(1, 6, 3, 0.25), jbw.Hire(2, 2)])
        self.check_figures(jbw.run_forecast(p))
        # round trip through the C record
        q = jbw.Scenario.parse("").apply(p)
        self.assertEqual(q.hiring_plan, [jbw.Hire(1, 6.0, 3, 0.25), jbw.Hire(2, 2.0, None, 1.0)])

    def test_scenario_lines_and_csv_give_the_same_plan(self):
        sc = jbw.Scenario.parse("hire.1 = 6 3 0.25\n")
        sc.add_hiring_plan_csv("month,fte\n2,2\n")
        self.assertEqual(sc.hire_count, 2)
        self.check_figures(jbw.run_forecast(sc.apply(self.base())))

    def test_a_bad_row_names_file_line_column_and_value(self):
        sc = jbw.Scenario.parse("")
        with self.assertRaises(jbw.ParseError) as e:
            sc.add_hiring_plan_csv("month,fte\n1,6\n2,-3\n", "plan.csv")
        self.assertIn("plan.csv line 3, column 'fte': not a number in "
                      "[0, 100000]: '-3'", str(e.exception))
        self.assertEqual(sc.hire_count, 0)

    def test_two_cohorts_in_one_month_are_refused(self):
        p = self.base().replace(hiring_plan=[jbw.Hire(1, 6), jbw.Hire(1, 2)])
        with self.assertRaises(ValueError) as e:
            p.check()
        self.assertIn("given twice", str(e.exception))


class ReliefProbabilityThreads(unittest.TestCase):
    def test_threads_give_the_answer_of_one_thread(self):
        p = jbw.ForecastParams.default().replace(
            months=12, turnover=0.2, assigned={Kind.OTS: 300},
            waiting_nieuw={Kind.OTS: 60}, inflow={Kind.OTS: 15},
            staff_fte=[0.0] * 36 + [25.0])
        one = jbw.relief_probability(p, 10, 12, 0.8, replicates=61, seed=3, threads=1)
        for threads in (2, 3, 0):
            self.assertEqual(jbw.relief_probability(p, 10, 12, 0.8, replicates=61,
                                                    seed=3, threads=threads), one)
        a = jbw.staffing_relief(p, 10, 12, probability=0.8, replicates=61, seed=3,
                                threads=2)
        self.assertEqual(a.hires_fte_per_month, one)
        with self.assertRaises(ValueError):
            jbw.relief_probability(p, 10, 12, 0.8, replicates=61, threads=257)


def _jbw_command():
    """The `jbw` command built or installed with the library under test
    (build tree: <build>/examples/jbw; prefix: <prefix>/bin/jbw), or None."""
    lib_dir = os.path.dirname(os.path.realpath(jbw.library_path))
    for path in (os.path.join(lib_dir, "examples", "jbw"),
                 os.path.join(lib_dir, os.pardir, "bin", "jbw")):
        if os.access(path, os.X_OK):
            return path
    return None


class DefaultNormAsTheCommand(unittest.TestCase):
    """Without a norm the bindings answer as the `jbw` command, which uses
    the default norm: the README's relief question for JB west."""

    def test_from_snapshot_equals_the_default_norm_on_the_example(self):
        with jbw.Snapshot.example() as snap:
            p = jbw.ForecastParams.from_snapshot(snap)
            q = jbw.ForecastParams.from_snapshot(snap, norm=jbw.Norm.default())
        self.assertEqual(p, q)
        self.assertEqual(p.units_per_measure, 1.0)

    def test_readme_relief_is_the_commands(self):
        with jbw.Snapshot.example() as snap:
            p = jbw.ForecastParams.from_snapshot(snap, organisation="JBWEST")
            q = jbw.ForecastParams.from_snapshot(snap, norm=jbw.Norm.default(),
                                                 organisation="JBWEST")
        got = jbw.relief(p, target_waiting=25, within_months=12)
        self.assertEqual(got, jbw.relief(q, 25, 12, norm=jbw.Norm.default()))
        cmd = _jbw_command()
        if cmd is None:
            self.skipTest("no jbw command beside " + jbw.library_path)
        out = subprocess.run([cmd, "staffing", "--organisation", "JBWEST",
                              "--target", "25", "--months", "12", "--format", "json"],
                             capture_output=True, text=True, check=True).stdout
        self.assertEqual(got, json.loads(out)["hires_fte_per_month"])

    def test_queue_staffing_is_the_commands(self):
        with jbw.Snapshot.example() as snap:
            p = jbw.ForecastParams.from_snapshot(snap)
        got = jbw.staffing_queue(p, 5, percent=90).needed.fte
        cmd = _jbw_command()
        if cmd is None:
            self.skipTest("no jbw command beside " + jbw.library_path)
        out = subprocess.run([cmd, "staffing", "--within-workdays", "5", "--percent",
                              "90", "--format", "json"],
                             capture_output=True, text=True, check=True).stdout
        self.assertAlmostEqual(got, json.loads(out)["needed"]["fte"], places=3)
