/*
 * render_json.c - the machine-readable report. Input: the report model.
 * Output: one JSON object, schema in README.md ("JSON report"), keys in
 * a fixed order, numbers at fixed precision.
 */
#include "render.h"

#include <string.h>

static void str(struct buf *out, const char *s)
{
	render_json_str(out, s, strlen(s));
}

static void redacted_str(struct buf *out, const char *s, const struct document *doc, int redact)
{
	struct buf tmp = BUF_INIT;
	render_redacted(&tmp, s, strlen(s), doc, redact);
	render_json_str(out, tmp.ptr, tmp.len);
	buf_release(&tmp);
}

static void evidence_array(struct buf *out, const struct report *r, size_t sig, int redact)
{
	const struct evidence_list *ev = r->ev;
	size_t k, n = ev->count[sig];
	buf_putc(out, '[');
	for (k = 0; k < n && k < 10; k++) {
		const struct evidence *e = &ev->items[ev->first[sig] + k];
		struct buf snip = BUF_INIT, hit = BUF_INIT;
		render_snippet(&snip, r->doc, e, 120, redact);
		render_redacted(&hit, r->doc->text.ptr + e->off, e->len, r->doc, redact);
		buf_printf(out, "%s{\"line\":%u,\"section\":", k ? "," : "", e->line + 1);
		str(out, section_name((enum section_kind)r->doc->lines[e->line].section));
		buf_puts(out, ",\"match\":");
		render_json_str(out, hit.ptr, hit.len);
		buf_puts(out, ",\"text\":");
		render_json_str(out, snip.ptr, snip.len);
		buf_putc(out, '}');
		buf_release(&snip);
		buf_release(&hit);
	}
	buf_printf(out, "],\"evidence_count\":%u", ev->count[sig]);
}

/* Signals [from, to) with evidence: id, name, `kind` (category or group), evidence. */
static void found_array(struct buf *out, const struct report *r, size_t from, size_t to, const char *kind,
			int redact)
{
	const struct ruleset *rs = r->rs;
	size_t i;
	int first = 1;
	for (i = from; i < to; i++) {
		if (!evidence_has(r->ev, i))
			continue;
		buf_puts(out, first ? "{\"id\":" : ",{\"id\":");
		first = 0;
		str(out, rs->signals[i].id);
		buf_puts(out, ",\"name\":");
		str(out, rs->signals[i].name);
		buf_printf(out, ",\"%s\":", kind);
		str(out, rs->signals[i].category);
		buf_puts(out, ",\"evidence\":");
		evidence_array(out, r, i, redact);
		buf_putc(out, '}');
	}
}

static void role_json(struct buf *out, const struct report *r, const struct role_fit *f, int redact)
{
	const struct ruleset *rs = r->rs;
	const struct role *role = &rs->roles[f->role];
	size_t k, first = 1;

	buf_puts(out, "{\"id\":");
	str(out, role->id);
	buf_puts(out, ",\"title\":");
	str(out, role->title);
	buf_printf(out, ",\"salary\":{\"min\":%ld,\"max\":%ld,\"currency\":", role->salary_min, role->salary_max);
	str(out, role->currency);
	buf_printf(out, "},\"fit\":%.1f,\"required_coverage\":%.3f,\"preferred_coverage\":%.3f", f->fit,
		   f->required_cov, f->preferred_cov);
	buf_printf(out, ",\"required\":{\"met\":%zu,\"total\":%zu,\"weight_met\":%u,\"weight_total\":%u}",
		   f->nreq_met, f->nreq_all, f->req_matched, f->req_total);
	buf_printf(out, ",\"preferred\":{\"weight_met\":%u,\"weight_total\":%u}", f->pref_matched, f->pref_total);
	buf_printf(out, ",\"share_required\":%.1f", f->pref_total ? SHARE_REQUIRED : 1.0);
	buf_puts(out, ",\"met\":[");
	for (k = 0; k < f->nitems; k++) {
		const struct req_result *q = &f->items[k];
		const struct role_req *rq = &role->reqs[q->req];
		if (q->matched_by < 0)
			continue;
		buf_puts(out, first ? "{" : ",{");
		first = 0;
		buf_puts(out, "\"requirement\":");
		str(out, render_req_name(rs, rq));
		buf_puts(out, ",\"level\":");
		str(out, rq->level == LEVEL_REQUIRED ? "required" : "preferred");
		buf_printf(out, ",\"weight\":%u,\"skill\":", rq->weight);
		str(out, rs->signals[q->matched_by].id);
		buf_puts(out, ",\"evidence\":");
		evidence_array(out, r, (size_t)q->matched_by, redact);
		buf_putc(out, '}');
	}
	buf_puts(out, "],\"gaps\":[");
	for (k = 0; k < f->ngaps; k++) {
		const struct req_result *q = &f->items[f->gaps[k]];
		const struct role_req *rq = &role->reqs[q->req];
		size_t m;
		buf_puts(out, k ? ",{" : "{");
		buf_puts(out, "\"requirement\":");
		str(out, render_req_name(rs, rq));
		buf_puts(out, ",\"level\":");
		str(out, rq->level == LEVEL_REQUIRED ? "required" : "preferred");
		buf_printf(out, ",\"weight\":%u,\"gain\":%.1f,\"skills\":[", rq->weight, q->gain);
		for (m = 0; m < rq->nmembers; m++) {
			if (m)
				buf_putc(out, ',');
			str(out, rs->signals[rq->members[m]].id);
		}
		buf_puts(out, "]}");
	}
	buf_puts(out, "]}");
}

void render_json(struct buf *final, const struct report *r, const struct render_opts *o)
{
	struct buf compact = BUF_INIT, *out = &compact;
	const struct ruleset *rs = r->rs;
	const struct assessment *a = r->a;
	const struct document *doc = r->doc;
	const struct entry_path *ep = &rs->paths[a->path.path];
	size_t i, k;
	int first;

	buf_printf(out, "{\"schema_version\":%d,\"tool\":{\"name\":\"skillgap\",\"version\":", REPORT_SCHEMA_VERSION);
	str(out, SKILLGAP_VERSION);
	buf_puts(out, "},\"source\":");
	redacted_str(out, r->source, doc, o->redact);
	buf_puts(out, ",\"input_format\":");
	str(out, doc->format == DOC_DOCX ? "docx" : doc->format == DOC_JSON ? "json" : "text");
	buf_printf(out, ",\"layout_recognized\":%s,\"as_of\":", doc->layout_recognized ? "true" : "false");
	str(out, r->as_of_text);
	buf_puts(out, ",\"candidate\":{\"name\":");
	if (doc->contact.name)
		redacted_str(out, doc->contact.name, doc, o->redact);
	else
		buf_puts(out, "null");
	buf_puts(out, ",\"email\":");
	if (doc->contact.email)
		str(out, o->redact ? "[email]" : doc->contact.email);
	else
		buf_puts(out, "null");
	buf_puts(out, ",\"phone\":");
	if (doc->contact.phone)
		str(out, o->redact ? "[phone]" : doc->contact.phone);
	else
		buf_puts(out, "null");
	buf_puts(out, ",\"links\":[");
	for (k = 0; k < doc->contact.nlinks; k++) {
		if (k)
			buf_putc(out, ',');
		str(out, o->redact ? "[url]" : doc->contact.links[k]);
	}
	buf_printf(out, "]},\"experience\":{\"months\":%d,\"years\":%.1f,\"ranges\":[", a->experience_months,
		   a->experience_months / 12.0);
	for (k = 0; k < doc->ndates; k++) {
		const struct doc_date_range *d = &doc->dates[k];
		buf_puts(out, k ? ",{\"start\":\"" : "{\"start\":\"");
		render_month(out, d->start);
		buf_puts(out, "\",\"end\":");
		if (d->open) {
			buf_puts(out, "\"present\"");
		} else {
			/* stored end-exclusive; print the last month worked */
			buf_putc(out, '"');
			render_month(out, d->end - 1);
			buf_putc(out, '"');
		}
		buf_printf(out, ",\"line\":%u}", d->line + 1);
	}
	buf_puts(out, "]},\"best_role\":");
	str(out, rs->roles[a->fits[0].role].id);
	buf_puts(out, ",\"focus_role\":");
	str(out, rs->roles[a->fits[a->focus].role].id);
	buf_puts(out, ",\"entry_path\":{\"id\":");
	str(out, a->path.kind == PATH_READY ? "ready" : ep->id);
	buf_puts(out, ",\"name\":");
	str(out, a->path.kind == PATH_READY ? "Ready now" : ep->name);
	buf_puts(out, ",\"background_path\":");
	str(out, ep->id);
	buf_printf(out, ",\"applicable\":%s,\"strength\":%u,\"reasons\":[", a->path.applicable ? "true" : "false",
		   a->path.strength);
	for (k = 0; k < a->path.nreasons; k++) {
		const struct path_signal *ps = &ep->signals[a->path.reasons[k]];
		buf_puts(out, k ? ",{\"signal\":" : "{\"signal\":");
		str(out, rs->signals[ps->signal].id);
		buf_printf(out, ",\"weight\":%u,\"reason\":", ps->weight);
		str(out, ps->reason);
		buf_printf(out, ",\"line\":%u}", r->ev->items[r->ev->first[ps->signal]].line + 1);
	}
	buf_puts(out, "],\"steps\":[");
	for (k = 0; k < ep->nsteps; k++) {
		if (k)
			buf_putc(out, ',');
		str(out, ep->steps[k]);
	}
	buf_printf(out, "],\"ready_now\":{\"min_fit\":%.1f,\"min_required\":%.2f}},\"roles\":[",
		   rs->ready_min_fit, rs->ready_min_required);
	for (i = 0; i < a->nfits; i++) {
		if (i)
			buf_putc(out, ',');
		role_json(out, r, &a->fits[i], o->redact);
	}
	buf_puts(out, "],\"skills_found\":[");
	found_array(out, r, 0, rs->nskills, "category", o->redact);
	buf_puts(out, "],\"credentials_found\":[");
	found_array(out, r, rs->nskills, rs->nsignals, "group", o->redact);
	buf_puts(out, "],\"notes\":[");
	first = 1;
	if (!doc->layout_recognized) {
		str(out, "the JSON layout was not recognised as JSON Resume; every string value was read");
		first = 0;
	}
	if (a->nskills_found == 0) {
		if (!first)
			buf_putc(out, ',');
		str(out, "no healthcare-AI skill evidence was found in this resume");
	}
	buf_puts(out, "]}");
	render_json_pretty(final, compact.ptr, compact.len);
	buf_putc(final, '\n');
	buf_release(&compact);
}
