/**
 * Scenario files: the immutable scenario model and the YAML loader that validates it and reports every bad input
 * with file, line and field.
 */
package io.switchboard.sim.scenario;
