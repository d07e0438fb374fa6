package io.clientbook.purchase;

/** Whether a purchase counts: {@code RECORDED} ones do, {@code VOID} ones (refunds, mistakes) no longer do. */
public enum PurchaseStatus {
    RECORDED,
    VOID
}
