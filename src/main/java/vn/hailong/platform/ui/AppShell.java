package vn.hailong.platform.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

import vn.hailong.platform.Words;

/** The page shell of every view: Lumo (Vaadin 25 has no default theme) and our own small stylesheet. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("context://styles/app.css")
@Meta(name = "color-scheme", content = "light")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        // The shell is the same for every page and language: its words in Vietnamese.
        settings.setPageTitle(Words.of("platform.ui.shell.title", Words.VI));
        settings.addMetaTag("description", Words.of("platform.ui.shell.description", Words.VI));
    }
}
