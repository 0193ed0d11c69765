package com.outboundcalls.ingest;

/** Asks for a file to be taken up again by another invocation, from its last checkpoint. */
public interface IngestHandover {

    void resumeLater(ContactIngestion.UploadedFile file, int leg);
}
