package dev.kumo.sigma.yaml;

/** A YAML node with the 1-based line where it starts. */
public sealed interface YNode extends java.io.Serializable permits YMap, YList, YScalar {
  int line();

  /** A short name of the node kind for error messages. */
  default String kind() {
    if (this instanceof YMap) {
      return "map";
    }
    if (this instanceof YList) {
      return "list";
    }
    return "value";
  }
}
