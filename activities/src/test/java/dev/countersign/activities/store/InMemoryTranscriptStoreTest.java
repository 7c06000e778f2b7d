package dev.countersign.activities.store;

class InMemoryTranscriptStoreTest extends TranscriptStoreContract {

    @Override
    protected TranscriptStore newStore() {
        return new InMemoryTaskStore();
    }
}
