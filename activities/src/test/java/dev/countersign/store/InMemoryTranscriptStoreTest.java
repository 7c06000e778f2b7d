package dev.countersign.store;

class InMemoryTranscriptStoreTest extends TranscriptStoreContract {

    @Override
    TranscriptStore newStore() {
        return new InMemoryTaskStore();
    }
}
