/** Dossier intake: dossiers, their officers and complaints, as pushed by the one-stop software. */
@org.springframework.modulith.ApplicationModule(displayName = "Dossier intake")
@org.jspecify.annotations.NullMarked
package vn.hailong.intake;
