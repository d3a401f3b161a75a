package dev.kumo.attack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NavigatorLayerJsonTest {
  @Test
  void layer_gradientOfOneColorOrEmptyRange_isRejected() {
    assertThatThrownBy(() -> new NavigatorLayerJson.Layer("n", "d", List.of(), List.of("#ffffff"), 0, 1, List.of(),
        "test")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two colors");
    assertThatThrownBy(() -> new NavigatorLayerJson.Layer("n", "d", List.of(), List.of("#ffffff", "#000000"), 3, 3,
        List.of(), "test")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3..3");
  }
}
