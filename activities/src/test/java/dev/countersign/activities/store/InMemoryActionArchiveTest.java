package dev.countersign.activities.store;

class InMemoryActionArchiveTest extends ActionArchiveContract {

    @Override
    protected ActionArchive newArchive() {
        return new InMemoryTaskStore();
    }
}
