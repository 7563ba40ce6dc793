/** Receipts: each dossier's unguessable survey link (stored only as a hash) and its QR code. */
@org.springframework.modulith.ApplicationModule(displayName = "Receipt and survey link")
@org.jspecify.annotations.NullMarked
package vn.hailong.receipt;
