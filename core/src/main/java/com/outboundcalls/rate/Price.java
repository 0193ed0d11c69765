package com.outboundcalls.rate;

import java.math.BigDecimal;

/** A price per minute excluding VAT, with the price-list version it comes from. */
public record Price(BigDecimal pricePerMinute, String priceListVersion) {
}
