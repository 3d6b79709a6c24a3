package dev.recsys.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnMappingTest {
  @Test
  void shouldMapNamedFieldsAndKeepOthersByName() {
    ColumnMapping mapping =
        ColumnMapping.parse("user_id=userId, item_id=movieId", FileLoader.eventFields());
    assertThat(mapping.column("user_id")).isEqualTo("userId");
    assertThat(mapping.column("timestamp")).isEqualTo("timestamp");
  }

  @Test
  void shouldNameTheBadPairAndTheKnownFields() {
    assertThatThrownBy(() -> ColumnMapping.parse("user=userId", FileLoader.eventFields()))
        .hasMessageContaining("unknown field 'user'")
        .hasMessageContaining("user_id");
    assertThatThrownBy(() -> ColumnMapping.parse("user_id", FileLoader.eventFields()))
        .hasMessageContaining("'user_id' must look like field=column");
  }
}
