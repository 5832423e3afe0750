/*
 * graph.h - depth-first postorder over a directed graph, for
 * prerequisite edges: the rules loader rejects cycles with it, the
 * planner orders steps with it.
 */
#ifndef SKILLGAP_GRAPH_H
#define SKILLGAP_GRAPH_H

#include <stddef.h>

/* The edges out of vertex v: returns them, *n of them. */
typedef const size_t *(*graph_edges_fn)(const void *ctx, size_t v, size_t *n);

/*
 * Walk depth-first from each vertex 0..n-1 in turn, edges in their order.
 * Without a cycle: fills post[0..n) (when post is not NULL) so that every
 * vertex comes after all it reaches, and returns 0. On a cycle: returns
 * 1 with cycle[0..*ncycle) its vertices in edge order, the last one's
 * edge leading back to cycle[0]. cycle has room for n.
 */
int graph_postorder(size_t n, graph_edges_fn edges, const void *ctx, size_t *post, size_t *cycle,
		    size_t *ncycle);

#endif
