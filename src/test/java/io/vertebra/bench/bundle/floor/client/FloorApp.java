package io.vertebra.bench.bundle.floor.client;

import com.google.gwt.core.client.EntryPoint;
import com.google.gwt.dom.client.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Next to nothing: a map, a list and one DOM write, so the compile holds GWT's runtime and the JRE basics only. */
public class FloorApp implements EntryPoint {

  @Override
  public void onModuleLoad() {
    Map<String, Object> record = new LinkedHashMap<>();
    List<Object> tags = new ArrayList<>();
    tags.add("gwt");
    record.put("tags", tags);
    record.put("count", 2.0);
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Object> entry : record.entrySet()) {
      text.append(entry.getKey()).append('=').append(entry.getValue()).append(' ');
    }
    Document.get().getBody().setInnerText(text.toString());
  }
}
