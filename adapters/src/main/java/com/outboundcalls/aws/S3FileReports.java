package com.outboundcalls.aws;

import com.outboundcalls.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.report.CampaignDashboard;
import com.outboundcalls.report.Dashboards;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The summaries the contact-ingest function wrote for a campaign's files ({@code reports/{c}/{k}/{file}.summary.json}). */
public final class S3FileReports implements Dashboards.FileReports {

    private static final String SUFFIX = ".summary.json";

    private final S3Client s3;
    private final String bucket;

    public S3FileReports(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<CampaignDashboard.FileReport> of(String clientId, String campaignId) {
        String prefix = "reports/" + clientId + "/" + campaignId + "/";
        List<CampaignDashboard.FileReport> files = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().forEach(object -> {
            String name = object.key().substring(prefix.length());
            // The campaign report's own summary is not a file's; nested keys are not this campaign's files.
            if (!name.endsWith(SUFFIX) || name.equals("campaign-report" + SUFFIX) || name.contains("/")) {
                return;
            }
            try {
                JsonNode s = JsonTrees.read(s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asByteArray());
                Map<String, Long> reasons = new LinkedHashMap<>();
                s.path("rejectedByReason").fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
                files.add(new CampaignDashboard.FileReport(name.substring(0, name.length() - SUFFIX.length()),
                        s.path("status").asText(), s.path("rowsRead").asLong(), s.path("accepted").asLong(),
                        s.path("skipped").asLong(), s.path("rejected").asLong(), reasons));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable file summary " + object.key(), e);
            }
        });
        return files;
    }
}
