package dev.recsys.schemas;

import dev.recsys.schemas.avro.FeatureUpdate;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.List;

/** The codec of each contract type, reading every released version of its schema. */
public final class Codecs {
  public static final AvroCodec<UserEvent> USER_EVENT =
      AvroCodec.of(UserEvent.class, UserEvent.getClassSchema());
  public static final AvroCodec<ItemUpdate> ITEM_UPDATE =
      AvroCodec.of(ItemUpdate.class, ItemUpdate.getClassSchema());
  public static final AvroCodec<Impression> IMPRESSION =
      AvroCodec.of(Impression.class, Impression.getClassSchema());

  public static final AvroCodec<FeatureUpdate> FEATURE_UPDATE =
      AvroCodec.of(FeatureUpdate.class, FeatureUpdate.getClassSchema());

  /** Every contract codec, for checks that must cover all of them. */
  public static final List<AvroCodec<?>> ALL =
      List.of(USER_EVENT, ITEM_UPDATE, IMPRESSION, FEATURE_UPDATE);

  private Codecs() {}
}
