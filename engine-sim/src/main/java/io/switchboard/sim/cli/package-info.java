/**
 * The command line: picocli subcommands run, record, replay, import-csv, compare and erlang, the progress bar and
 * exit-status handling. Main thread only.
 */
package io.switchboard.sim.cli;
