/*
 * libjbw internal: the norm's counting rule for its unit, shared by the
 * caseload calculation (caseload/compute.c) and the allocation proposal
 * (waitrisk/allocation.c) so that the two always agree.
 *
 * In unit child or family, a unit with several measures counts once, at
 * the heaviest weight of its measures (docs/norms.md): a unit that counts
 * at `held` and gains a measure of weight w then counts at
 * jbw__unit_weight(held, w), which adds jbw__unit_extra(held, w) to the
 * load. A unit not yet counted has held 0.
 */
#ifndef JBW_CASELOAD_UNIT_H
#define JBW_CASELOAD_UNIT_H

static inline double jbw__unit_weight(double held, double w)
{
    return w > held ? w : held;
}

static inline double jbw__unit_extra(double held, double w)
{
    return w > held ? w - held : 0.0;
}

#endif /* JBW_CASELOAD_UNIT_H */
