package io.clientbook.segment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerCount")
public record CountResponse(@Schema(description = "Customers matching the filter (erased ones never count)", examples = "1342") long count) {
}
