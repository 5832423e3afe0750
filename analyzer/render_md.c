/*
 * render_md.c - the Markdown report, for sharing (GitHub, wikis,
 * tickets). Input: the report model. Output: CommonMark with tables.
 */
#include "render.h"

#include <string.h>

/* Markdown-escape table cell / inline text: | and leading specials. */
static void md(struct buf *out, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
		    c == '>' || c == '\\')
			buf_putc(out, '\\');
		buf_putc(out, c);
	}
}

static void mds(struct buf *out, const char *s)
{
	md(out, s, strlen(s));
}

static void mdr(struct buf *out, const char *s, size_t n, const struct document *doc, int redact)
{
	struct buf t = BUF_INIT;
	render_redacted(&t, s, n, doc, redact);
	md(out, t.ptr, t.len);
	buf_release(&t);
}

void render_md(struct buf *out, const struct report *r, const struct render_opts *o)
{
	const struct ruleset *rs = r->rs;
	const struct assessment *a = r->a;
	const struct role_fit *f = &a->fits[a->focus];
	const struct role *role = &rs->roles[f->role];
	const struct entry_path *ep = &rs->paths[a->path.path];
	const struct doc_contact *c = &r->doc->contact;
	size_t i, k;

	buf_puts(out, "# skillgap report: ");
	mdr(out, r->source, strlen(r->source), r->doc, o->redact);
	buf_puts(out, "\n\n");
	buf_puts(out, "- **Candidate:** ");
	if (c->name)
		mdr(out, c->name, strlen(c->name), r->doc, o->redact);
	else
		buf_puts(out, "(name not found)");
	if (c->email) {
		buf_puts(out, " · ");
		mds(out, o->redact ? "[email]" : c->email);
	}
	if (c->phone) {
		buf_puts(out, " · ");
		mds(out, o->redact ? "[phone]" : c->phone);
	}
	buf_printf(out, "\n- **Experience:** %.1f years (as of %s; overlapping jobs counted once)\n",
		   a->experience_months / 12.0, r->as_of_text);
	buf_printf(out, "- **Evidence:** %zu skills and %zu credentials found\n", a->nskills_found, a->ncreds_found);
	if (!r->doc->layout_recognized)
		buf_puts(out, "- **Note:** the JSON layout was not recognised as JSON Resume; every string value was read\n");
	if (a->nskills_found == 0)
		buf_puts(out, "- **Note:** no healthcare-AI skill evidence was found in this resume\n");

	buf_puts(out, "\n## Role fit\n\n| Role | Fit | Required met | Salary |\n|---|---:|---:|---|\n");
	for (i = 0; i < a->nfits; i++) {
		const struct role_fit *g = &a->fits[i];
		buf_puts(out, "| ");
		if (i == a->focus)
			buf_puts(out, "**");
		mds(out, rs->roles[g->role].title);
		if (i == a->focus)
			buf_puts(out, "**");
		buf_printf(out, " | %.1f | %zu/%zu (%.0f%%) | ", g->fit, g->nreq_met, g->nreq_all, 100.0 * g->required_cov);
		render_salary(out, &rs->roles[g->role]);
		buf_puts(out, " |\n");
	}

	buf_puts(out, "\n## Entry path\n\n");
	if (a->path.kind == PATH_READY)
		buf_printf(out, "**Ready now** for %s: fit %.1f ≥ %.0f and required coverage %.0f%% ≥ %.0f%%. "
				"Background: path %s, %s.\n",
			   role->title, f->fit, rs->ready_min_fit, 100.0 * f->required_cov,
			   100.0 * rs->ready_min_required, ep->id, ep->name);
	else
		buf_printf(out, "**Path %s: %s** (%s)%s\n", ep->id, ep->name, ep->for_whom,
			   a->path.applicable ? "" : ". No path's key signals were found; this is the closest match.");
	if (a->path.nreasons) {
		buf_puts(out, "\nBecause:\n\n");
		for (k = 0; k < a->path.nreasons; k++) {
			const struct path_signal *ps = &ep->signals[a->path.reasons[k]];
			buf_puts(out, "- ");
			mds(out, ps->reason);
			buf_printf(out, " (line %u)\n", r->ev->items[r->ev->first[ps->signal]].line + 1);
		}
	}
	if (a->path.kind != PATH_READY) {
		buf_puts(out, "\nSteps:\n\n");
		for (k = 0; k < ep->nsteps; k++) {
			buf_printf(out, "%zu. ", k + 1);
			mds(out, ep->steps[k]);
			buf_putc(out, '\n');
		}
	}

	buf_puts(out, "\n## ");
	mds(out, role->title);
	buf_puts(out, " (");
	render_salary(out, role);
	buf_puts(out, ")\n\n");
	for (k = 0; k < role->ndoes; k++) {
		buf_puts(out, "- ");
		mds(out, role->does[k]);
		buf_putc(out, '\n');
	}
	buf_printf(out, "\n### Met (%zu of %zu)\n\n| Requirement | Level | Weight | Evidence |\n|---|---|---:|---|\n",
		   f->nitems - f->ngaps, f->nitems);
	for (k = 0; k < f->nitems; k++) {
		const struct req_result *q = &f->items[k];
		const struct role_req *rq = &role->reqs[q->req];
		const struct evidence *e;
		struct buf snip = BUF_INIT;
		if (q->matched_by < 0)
			continue;
		e = &r->ev->items[r->ev->first[q->matched_by]];
		buf_puts(out, "| ");
		mds(out, render_req_name(rs, rq));
		buf_printf(out, " | %s | %u | line %u [%s]: ", rq->level == LEVEL_REQUIRED ? "required" : "preferred",
			   rq->weight, e->line + 1, section_name((enum section_kind)r->doc->lines[e->line].section));
		render_snippet(&snip, r->doc, e, 60, o->redact);
		buf_puts(out, "“");
		md(out, snip.ptr, snip.len);
		buf_puts(out, "” |\n");
		buf_release(&snip);
	}
	buf_printf(out, "\n### Gaps by impact (%zu)\n\n", f->ngaps);
	if (!f->ngaps) {
		buf_puts(out, "None: every requirement of this role is met.\n");
	} else {
		buf_puts(out, "| Gap | Level | Weight | Fit points if added |\n|---|---|---:|---:|\n");
		for (k = 0; k < f->ngaps; k++) {
			const struct req_result *q = &f->items[f->gaps[k]];
			const struct role_req *rq = &role->reqs[q->req];
			buf_puts(out, "| ");
			mds(out, render_req_name(rs, rq));
			buf_printf(out, " | %s | %u | +%.1f |\n", rq->level == LEVEL_REQUIRED ? "required" : "preferred",
				   rq->weight, q->gain);
		}
	}
	buf_printf(out, "\nFit = 100 × (%.1f × %u/%u required weight + %.1f × %u/%u preferred weight) = %.1f\n",
		   f->pref_total ? SHARE_REQUIRED : 1.0, f->req_matched, f->req_total,
		   f->pref_total ? 1.0 - SHARE_REQUIRED : 0.0, f->pref_matched, f->pref_total, f->fit);
	if (a->ncreds_found) {
		buf_puts(out, "\n## Credentials\n\n");
		for (i = rs->nskills; i < rs->nsignals; i++)
			if (evidence_has(r->ev, i)) {
				buf_puts(out, "- ");
				mds(out, rs->signals[i].name);
				buf_printf(out, " (line %u)\n", r->ev->items[r->ev->first[i]].line + 1);
			}
	}
}
