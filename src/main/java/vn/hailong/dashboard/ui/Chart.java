package vn.hailong.dashboard.ui;

import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import tools.jackson.databind.json.JsonMapper;

/**
 * One chart of the dashboard, drawn in the browser by Apache ECharts ({@code frontend/charts/hl-chart.js}).
 * The server sends the chart's option as JSON and its summary in Vietnamese, which becomes the
 * chart's accessible name (role img): a screen reader reads the figures instead of the drawing.
 */
@Tag("hl-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./charts/hl-chart.js")
public class Chart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String summary = "";

    public Chart(String id, String height) {
        setId(id);
        getElement().setAttribute("role", "img");
        setWidthFull();
        setHeight(height);
        addClassName("chart");
    }

    /** Draws {@code option} (an ECharts option as maps and lists) described by {@code summary}. */
    public void show(Map<String, Object> option, String summary) {
        this.summary = summary;
        getElement().setAttribute("aria-label", summary);
        getElement().setAttribute("option", JSON.writeValueAsString(option));
    }

    public String summary() {
        return summary;
    }

    String option() {
        return getElement().getAttribute("option");
    }
}
