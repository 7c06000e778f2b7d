package dev.countersign.store;

class InMemoryActionArchiveTest extends ActionArchiveContract {

    @Override
    ActionArchive newArchive() {
        return new InMemoryTaskStore();
    }
}
