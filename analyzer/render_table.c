/* render_table.c - the ranked batch table (being written) */
