package io.vertebra.kit.live;

import io.vertebra.kit.identity.ChannelPolicy;
import io.vertebra.kit.web.CrossSiteGuard;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Installs declared {@link LiveResource}s into a server: creates or migrates each one's table in the app's
 * database (a column is added for each new field; nothing is dropped), and serves its REST API behind the
 * cross-site guard (browser writes from other sites' pages are refused).
 *
 * <pre>{@code
 * LiveServices services = LiveServices.of(database, new EventTrigger(pusher));
 * MountedResource notes = LiveResources.install(context, services, Notes.RESOURCE);
 * MountedResource tags = LiveResources.install(context, services, Tags.RESOURCE, new TagHooks(sessions));
 * IdentityEndpoints.install(context, ..., LiveResources.presencePolicy(notes, tags));
 * }</pre>
 */
public final class LiveResources {

  private LiveResources() {
  }

  /** Installs {@code resource} with no app-specific behaviour. */
  public static MountedResource install(ServletContextHandler context, LiveServices services,
      LiveResource resource) {
    return install(context, services, resource, LiveHooks.NONE);
  }

  /** Installs {@code resource} with the app's {@code hooks}. */
  public static MountedResource install(ServletContextHandler context, LiveServices services, LiveResource resource,
      LiveHooks hooks) {
    MountedResource mounted = open(services, resource);
    LiveServlet servlet = new LiveServlet(mounted.store(), mounted.json(), mounted.events(), hooks);
    for (String path : new String[] {resource.path(), resource.path() + "/*"}) {
      context.addFilter(new FilterHolder(new CrossSiteGuard()), path, EnumSet.of(DispatcherType.REQUEST));
    }
    context.addServlet(new ServletHolder(resource.collection(), servlet), resource.path() + "/*");
    return mounted;
  }

  /** Creates or migrates {@code resource}'s table and returns its store, with no servlet (tools, tests). */
  public static MountedResource open(LiveServices services, LiveResource resource) {
    LiveSchema.migrate(services.database(), resource);
    LiveJson json = new LiveJson(services.mapper());
    return new MountedResource(new LiveStore(resource, services.database(), services.clock()), json,
        new LiveEvents(resource, services.events(), json));
  }

  /** The presence rule of several resources: each allows its own records' channels; others are refused. */
  public static ChannelPolicy presencePolicy(MountedResource... resources) {
    List<RecordPresencePolicy> policies = List.of(resources).stream().map(m -> new RecordPresencePolicy(m.store()))
        .toList();
    return (user, channel) -> {
      for (RecordPresencePolicy policy : policies) {
        if (policy.recordId(channel) >= 0) {
          return policy.refusal(user, channel);
        }
      }
      return "Channel " + channel + " is not one this app authorizes";
    };
  }
}
