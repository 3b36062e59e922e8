/**
 * The command line: picocli subcommands run, record, replay, import-csv, verify-journal, compare, sweep, staff and
 * erlang, the options they share (scenario overrides, report files, replication threads), the outputs of the analysis
 * commands, the progress displays and exit-status handling. Main thread only, except the replication progress
 * display, which the replication threads call.
 */
package io.switchboard.sim.cli;
