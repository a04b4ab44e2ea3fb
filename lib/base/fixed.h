/*
 * Fixed-decimal numbers without printf: the text of "%.*f" in the C
 * locale, exactly, whatever the process's locale.
 */
#ifndef JBW_FIXED_H
#define JBW_FIXED_H

#include <stddef.h>
#include <stdint.h>

/*
 * Writes `v` with `decimals` digits after a '.' into out[0..size), as
 * snprintf(out, size, "%.*f", decimals, v) does in the C locale: the
 * exact binary value rounded to nearest, ties to even; "-" before a
 * negative value or negative zero, even when it rounds to zero; "inf",
 * "-inf", "nan" or "-nan" when not finite. Negative `decimals` count as
 * 6, as in printf. Returns the length of the whole text (without the
 * NUL); like snprintf, it writes at most size - 1 characters and a NUL
 * (none when size is 0). Values below 2^63 with at most 18 decimals take
 * the integer path (at most 4 decimals where the compiler has no 128-bit
 * integers); others are printed by snprintf with the locale's decimal
 * point replaced by '.'.
 */
size_t jbw__fixed(char *out, size_t size, double v, int decimals);

/* The most decimals of a JSON number, and the most bytes its text takes. */
#define JBW__JSON_DECIMALS_MAX 12
#define JBW__JSON_NUMBER_MAX   63

/*
 * Writes v at out as a JSON number with at most `decimals` decimals
 * (taken as 0 when negative, JBW__JSON_DECIMALS_MAX when above): the
 * text of jbw__fixed() without the zeros that end the fraction and
 * without a '.' left at the end, "0" for any value that rounds to zero
 * ("-0" too); "null" when v is not finite or when jbw__fixed()'s text
 * would take more than JBW__JSON_NUMBER_MAX bytes. out has room for
 * JBW__JSON_NUMBER_MAX bytes; no NUL is written. Returns the end of the
 * text. The usual value is written straight from its integer, trimmed as
 * it is written.
 */
char *jbw__fixed_json(char *out, double v, int decimals);

/* Writes the decimal digits of x at out (room for 20 bytes, no NUL);
 * returns the end. */
char *jbw__put_digits(char *out, uint64_t x);

/* Writes the decimal digits of x just before `end` (the end of a buffer
 * of at least 20 bytes); returns the position of the first digit. */
char *jbw__digits(char *end, uint64_t x);

/*
 * A need shown with `decimals` digits (0..6): v rounded up to them, so
 * that the figure a reader takes is never below what is needed. A value
 * within a millionth of a step of a shown figure is that figure: 8.5
 * computed as 8.500000000000002 stays 8.5, while 8.501 becomes 8.6. Not
 * finite: v itself.
 */
double jbw__need_up(double v, int decimals);

/* Room for any value with up to 18 decimals on the integer path. */
#define JBW__FIXED_SHORT 48

#endif /* JBW_FIXED_H */
