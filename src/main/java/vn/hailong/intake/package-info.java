/** Dossier intake: dossiers, their officers and complaints, as pushed by the one-stop software. */
@org.springframework.modulith.ApplicationModule(displayName = "Dossier intake")
package vn.hailong.intake;
