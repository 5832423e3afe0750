/*
 * render_text.c - the terminal report. Input: the report model. Output:
 * aligned text with score bars; ANSI colour only when asked (the CLI
 * asks only on a TTY without NO_COLOR).
 */
#include "render.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

#define BAR_WIDTH 20

struct style {
	const char *bold, *dim, *green, *red, *yellow, *reset;
};

static void pad(struct buf *out, const char *s, size_t width)
{
	size_t w = utf8_width(s, strlen(s));
	buf_puts(out, s);
	while (w++ < width)
		buf_putc(out, ' ');
}

static void bar(struct buf *out, double fit, const struct style *st)
{
	size_t full = (size_t)(fit / 100.0 * BAR_WIDTH + 0.5), i;
	buf_puts(out, fit >= 75 ? st->green : fit >= 50 ? st->yellow : st->red);
	for (i = 0; i < BAR_WIDTH; i++)
		buf_puts(out, i < full ? "\xe2\x96\x88" : "\xe2\x96\x91");
	buf_puts(out, st->reset);
}

/* Up to `max` evidence lines for a signal, one per resume line. */
static void evidence_lines(struct buf *out, const struct report *r, size_t sig, size_t max,
			   const char *indent, const struct render_opts *o)
{
	const struct evidence_list *ev = r->ev;
	size_t k, n = ev->count[sig], shown = 0, lines = 0;
	uint32_t last = UINT32_MAX;
	for (k = 0; k < n; k++) {
		const struct evidence *e = &ev->items[ev->first[sig] + k];
		if (e->line == last)
			continue;
		last = e->line;
		lines++;
		if (shown == max)
			continue;
		buf_printf(out, "%sline %u [%s] \"", indent, e->line + 1,
			   section_name((enum section_kind)r->doc->lines[e->line].section));
		render_snippet(out, r->doc, e, 70, o->redact);
		buf_puts(out, "\"\n");
		shown++;
	}
	if (lines > shown)
		buf_printf(out, "%s(+%zu more line%s)\n", indent, lines - shown, lines - shown == 1 ? "" : "s");
}

static void contact(struct buf *out, const struct report *r, const struct render_opts *o)
{
	const struct doc_contact *c = &r->doc->contact;
	size_t i;
	int any = 0;
	buf_puts(out, "Candidate    ");
	if (c->name) {
		buf_puts(out, o->redact ? "[name]" : c->name);
		any = 1;
	}
	if (c->email) {
		buf_printf(out, "%s%s", any ? " | " : "", o->redact ? "[email]" : c->email);
		any = 1;
	}
	if (c->phone) {
		buf_printf(out, "%s%s", any ? " | " : "", o->redact ? "[phone]" : c->phone);
		any = 1;
	}
	for (i = 0; i < c->nlinks; i++) {
		buf_printf(out, "%s%s", any ? " | " : "", o->redact ? "[url]" : c->links[i]);
		any = 1;
	}
	if (!any)
		buf_puts(out, "(no name or contact details found)");
	buf_putc(out, '\n');
}

void render_text(struct buf *out, const struct report *r, const struct render_opts *o)
{
	static const struct style plain = { "", "", "", "", "", "" };
	static const struct style ansi = { "\033[1m", "\033[2m", "\033[32m", "\033[31m", "\033[33m", "\033[0m" };
	const struct style *st = o->color ? &ansi : &plain;
	const struct ruleset *rs = r->rs;
	const struct assessment *a = r->a;
	const struct role_fit *f = &a->fits[a->focus];
	const struct role *role = &rs->roles[f->role];
	const struct entry_path *ep = &rs->paths[a->path.path];
	size_t i, k;

	buf_printf(out, "%sskillgap report%s: %s\n", st->bold, st->reset, r->source);
	contact(out, r, o);
	buf_printf(out, "Experience   %.1f years (as of %s; overlapping jobs counted once)\n",
		   a->experience_months / 12.0, r->as_of_text);
	buf_printf(out, "Evidence     %zu skill%s and %zu credential%s found\n", a->nskills_found,
		   a->nskills_found == 1 ? "" : "s", a->ncreds_found, a->ncreds_found == 1 ? "" : "s");
	if (!r->doc->layout_recognized)
		buf_puts(out, "Note         the JSON layout was not recognised as JSON Resume; every string value was read\n");
	if (a->nskills_found == 0)
		buf_puts(out, "Note         no healthcare-AI skill evidence was found in this resume; every requirement below is a gap\n");

	buf_printf(out, "\n%sROLE FIT%s                                                      fit   required met\n",
		   st->bold, st->reset);
	for (i = 0; i < a->nfits; i++) {
		const struct role_fit *g = &a->fits[i];
		buf_puts(out, i == a->focus ? "> " : "  ");
		pad(out, rs->roles[g->role].title, 36);
		buf_putc(out, ' ');
		bar(out, g->fit, st);
		buf_printf(out, " %5.1f   %zu/%zu (%.0f%% of weight)\n", g->fit, g->nreq_met, g->nreq_all,
			   100.0 * g->required_cov);
	}

	buf_putc(out, '\n');
	if (a->role_forced)
		buf_printf(out, "Role         %s (chosen with --role; best fit: %s)\n", role->title,
			   rs->roles[a->fits[0].role].title);
	else
		buf_printf(out, "Best fit     %s (%.1f/100)\n", role->title, f->fit);
	if (a->path.kind == PATH_READY) {
		buf_printf(out, "Entry path   %sready now%s: fit %.1f >= %.0f and required coverage %.0f%% >= %.0f%%\n",
			   st->green, st->reset, f->fit, rs->ready_min_fit, 100.0 * f->required_cov,
			   100.0 * rs->ready_min_required);
		buf_printf(out, "             background: path %s, %s\n", ep->id, ep->name);
	} else {
		buf_printf(out, "Entry path   %s%s: %s%s (%s)\n", st->bold, ep->id, ep->name, st->reset, ep->for_whom);
		if (!a->path.applicable)
			buf_puts(out, "             no path's key signals were found; this is the closest match\n");
	}
	if (a->path.nreasons) {
		buf_puts(out, "  because    ");
		for (k = 0; k < a->path.nreasons; k++) {
			const struct path_signal *ps = &ep->signals[a->path.reasons[k]];
			const struct evidence *e = &r->ev->items[r->ev->first[ps->signal]];
			buf_printf(out, "%s%s (line %u)", k ? "; " : "", ps->reason, e->line + 1);
		}
		buf_putc(out, '\n');
	}
	if (a->path.kind != PATH_READY) {
		buf_puts(out, "  steps\n");
		for (k = 0; k < ep->nsteps; k++)
			buf_printf(out, "    %zu. %s\n", k + 1, ep->steps[k]);
	}

	buf_printf(out, "\n%s%s%s  ", st->bold, role->title, st->reset);
	render_salary(out, role);
	buf_putc(out, '\n');
	buf_puts(out, "  What you do: ");
	for (k = 0; k < role->ndoes; k++)
		buf_printf(out, "%s%s", k ? "; " : "", role->does[k]);
	buf_putc(out, '\n');

	buf_printf(out, "\n  %sMet%s (%zu of %zu)\n", st->bold, st->reset, f->nitems - f->ngaps, f->nitems);
	for (k = 0; k < f->nitems; k++) {
		const struct req_result *q = &f->items[k];
		const struct role_req *rq = &role->reqs[q->req];
		if (q->matched_by < 0)
			continue;
		buf_printf(out, "  %s+%s ", st->green, st->reset);
		pad(out, render_req_name(rs, rq), 44);
		buf_printf(out, " %-9s w%u", rq->level == LEVEL_REQUIRED ? "required" : "preferred", rq->weight);
		if (rq->nmembers > 1)
			buf_printf(out, "  via %s", rs->signals[q->matched_by].name);
		buf_putc(out, '\n');
		evidence_lines(out, r, (size_t)q->matched_by, 2, "      ", o);
	}
	buf_printf(out, "\n  %sGaps by impact%s (%zu)          fit points if added\n", st->bold, st->reset, f->ngaps);
	if (!f->ngaps)
		buf_puts(out, "  none: every requirement of this role is met\n");
	for (k = 0; k < f->ngaps; k++) {
		const struct req_result *q = &f->items[f->gaps[k]];
		const struct role_req *rq = &role->reqs[q->req];
		buf_printf(out, "  %s-%s ", st->red, st->reset);
		pad(out, render_req_name(rs, rq), 44);
		buf_printf(out, " %-9s w%u  +%.1f\n", rq->level == LEVEL_REQUIRED ? "required" : "preferred",
			   rq->weight, q->gain);
	}
	buf_printf(out, "\n  Fit = 100 x (%.1f x %u/%u required weight + %.1f x %u/%u preferred weight) = %.1f\n",
		   f->pref_total ? SHARE_REQUIRED : 1.0, f->req_matched, f->req_total,
		   f->pref_total ? 1.0 - SHARE_REQUIRED : 0.0, f->pref_matched, f->pref_total, f->fit);

	if (a->ncreds_found) {
		int first = 1;
		buf_printf(out, "\n%sCredentials%s  ", st->bold, st->reset);
		for (i = rs->nskills; i < rs->nsignals; i++) {
			if (!evidence_has(r->ev, i))
				continue;
			buf_printf(out, "%s%s (line %u)", first ? "" : "; ", rs->signals[i].name,
				   r->ev->items[r->ev->first[i]].line + 1);
			first = 0;
		}
		buf_putc(out, '\n');
	}
	{
		int first = 1;
		for (i = 0; i < rs->nskills; i++) {
			size_t q;
			int in_role = 0;
			if (!evidence_has(r->ev, i))
				continue;
			for (q = 0; q < role->nreqs && !in_role; q++) {
				size_t m;
				for (m = 0; m < role->reqs[q].nmembers; m++)
					if (role->reqs[q].members[m] == i)
						in_role = 1;
			}
			if (in_role)
				continue;
			if (first)
				buf_printf(out, "\n%sOther skills%s ", st->bold, st->reset);
			buf_printf(out, "%s%s", first ? "" : "; ", rs->signals[i].name);
			first = 0;
		}
		if (!first)
			buf_putc(out, '\n');
	}
	buf_printf(out, "\nNext: skillgap plan %s --role %s\n", strcmp(r->source, "-") == 0 ? "FILE" : r->source,
		   role->id);
}
