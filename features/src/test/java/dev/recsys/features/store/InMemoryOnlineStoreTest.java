package dev.recsys.features.store;

class InMemoryOnlineStoreTest extends OnlineStoreContract {
  private final InMemoryOnlineStore store = new InMemoryOnlineStore();

  @Override
  OnlineStore store() {
    return store;
  }
}
