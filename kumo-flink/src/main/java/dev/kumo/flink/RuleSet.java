package dev.kumo.flink;

import dev.kumo.detect.DetectionEngine;
import dev.kumo.hunt.FindingGate;
import java.io.Serializable;

/**
 * A compiled rule set with its version: the engine every operator of the job runs and the gates its
 * findings pass. Serializable, so the job graph carries the rules loaded at start to every worker.
 */
public record RuleSet(String version, DetectionEngine engine, FindingGate gate) implements Serializable {}
