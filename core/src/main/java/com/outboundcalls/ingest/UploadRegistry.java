package com.outboundcalls.ingest;

import java.util.Optional;

/** Where the uploads the client space granted are recorded, by the key of the object they may write. */
public interface UploadRegistry {

    /** Records a granted upload; granting the same key again is refused (keys are never reused). */
    void record(Upload upload);

    Optional<Upload> find(String key);
}
