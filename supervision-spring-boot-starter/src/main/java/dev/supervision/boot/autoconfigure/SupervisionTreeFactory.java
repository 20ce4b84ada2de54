package dev.supervision.boot.autoconfigure;

import dev.supervision.boot.GenServer;
import dev.supervision.boot.SingletonChildren;
import dev.supervision.boot.SingletonPolicyChoice;
import dev.supervision.boot.TreeLayout;
import dev.supervision.boot.autoconfigure.SupervisionProperties.BackoffProperties;
import dev.supervision.boot.autoconfigure.SupervisionProperties.ChildProperties;
import dev.supervision.boot.autoconfigure.SupervisionProperties.SupervisorProperties;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.Backoff;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.ChildType;
import dev.supervision.supervisor.InvalidSpecException;
import dev.supervision.supervisor.Shutdown;
import dev.supervision.supervisor.SupervisorFlags;
import dev.supervision.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Turns {@code supervision.*} and the {@code @GenServer} beans into the root {@link SupervisorSpec},
 * checking everything first: every failure names the property key, its value and a hint. What the
 * core refuses ({@link InvalidSpecException}) is reported under the key of the refused field, with
 * the value as the configuration wrote it.
 */
final class SupervisionTreeFactory {

    private static final String PREFIX = "supervision.supervisors.";

    private final SupervisionProperties properties;
    private final ConfigurableListableBeanFactory beanFactory;
    private final PropertyResolver written;
    private final Set<String> genServerBeans;
    private final SingletonChildren singletons;
    private final SingletonSettings singletonSettings;
    private final Map<String, String> placedBeans = new HashMap<>();
    private final Map<String, String> registeredNames = new HashMap<>();
    private final Deque<String> position = new ArrayDeque<>();
    private final List<List<String>> requiredChildren = new ArrayList<>();
    private final Map<String, List<String>> namedChildren = new HashMap<>();

    SupervisionTreeFactory(SupervisionProperties properties, ConfigurableListableBeanFactory beanFactory,
            PropertyResolver written, SingletonChildren singletons) {
        this.singletons = singletons;
        this.singletonSettings = new SingletonSettings(written, properties.getCluster().getExpectedMembers());
        this.properties = properties;
        this.beanFactory = beanFactory;
        this.written = written;
        this.genServerBeans = new TreeSet<>(List.of(beanFactory.getBeanNamesForAnnotation(GenServer.class)));
        genServerBeans.forEach(this::checkGenServerBean);
    }

    /** The root supervisor's spec, with every unplaced {@code @GenServer} bean appended under it. */
    SupervisorSpec build() {
        String root = properties.getRoot();
        Map<String, SupervisorProperties> supervisors = properties.getSupervisors();
        SupervisorProperties rootProperties = supervisors.get(root);
        if (rootProperties == null) {
            if (!supervisors.isEmpty()) {
                throw new InvalidSupervisionConfigurationException("supervision.root", root,
                        "no supervisor of that name in supervision.supervisors",
                        "declare supervision.supervisors." + root + " or set supervision.root to one of " + supervisors.keySet());
            }
            rootProperties = implicitRoot();
        }
        Set<String> reached = new LinkedHashSet<>();
        SupervisorSpec spec = supervisor(root, rootProperties, reached, new LinkedHashSet<>());
        for (String name : supervisors.keySet()) {
            if (!reached.contains(name)) {
                throw new InvalidSupervisionConfigurationException(PREFIX + name, name,
                        "this supervisor is not placed under the root '" + root + "'",
                        "name it as a child's 'supervisor' somewhere under the root, or remove it");
            }
        }
        List<ChildSpec> children = new ArrayList<>(spec.children());
        Set<String> ids = new HashSet<>(children.stream().map(ChildSpec::id).toList());
        for (String bean : genServerBeans) {
            if (!placedBeans.containsKey(bean)) {
                if (!ids.add(bean)) {
                    throw new InvalidSupervisionConfigurationException(PREFIX + root + ".children", bean,
                            "the unplaced @GenServer bean '" + bean + "' would join the root with an id already used",
                            "place the bean explicitly or rename the child that uses the id '" + bean + "'");
                }
                children.add(beanChild(bean, new ChildProperties(), bean, PREFIX + root + ".children"));
            }
        }
        return wrap(PREFIX + root, () -> new SupervisorSpec(spec.flags(), children));
    }

    /** The required and the named children, once {@link #build()} ran. */
    TreeLayout layout() {
        return new TreeLayout(requiredChildren, namedChildren);
    }

    /**
     * The root that runs when none is declared: Elixir's defaults, 3 restarts in 5 seconds, so one
     * flaky bean does not take the application down at its second crash. A declared supervisor keeps
     * what it says (OTP's defaults, 1 in 5 seconds, when it says nothing).
     */
    static SupervisorProperties implicitRoot() {
        SupervisorProperties root = new SupervisorProperties();
        root.setIntensity(3);
        root.setPeriod(Duration.ofSeconds(5));
        return root;
    }

    private SupervisorSpec supervisor(String name, SupervisorProperties props, Set<String> reached, Set<String> path) {
        String key = PREFIX + name;
        if (!path.add(name)) {
            throw new InvalidSupervisionConfigurationException(key, name,
                    "supervisors form a cycle: " + String.join(" -> ", path) + " -> " + name,
                    "a supervisor cannot contain itself, directly or not");
        }
        if (!reached.add(name)) {
            throw new InvalidSupervisionConfigurationException(key, name,
                    "this supervisor is placed twice in the tree", "each supervisor may appear under one parent only");
        }
        SupervisorFlags flags = wrap(key, () -> new SupervisorFlags(props.getStrategy(), props.getIntensity(),
                props.getPeriod(), props.getAutoShutdown(), backoff(key + ".backoff", props.getBackoff())));
        List<ChildSpec> children = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < props.getChildren().size(); i++) {
            String childKey = key + ".children[" + i + "]";
            ChildSpec child = child(props.getChildren().get(i), childKey, reached, path);
            if (!ids.add(child.id())) {
                throw new InvalidSupervisionConfigurationException(childKey + ".id", child.id(),
                        "duplicate child id in supervisor '" + name + "'", "give each child of a supervisor its own id");
            }
            children.add(child);
        }
        path.remove(name);
        return wrap(key, () -> new SupervisorSpec(flags, children));
    }

    private ChildSpec child(ChildProperties props, String key, Set<String> reached, Set<String> path) {
        boolean hasBean = StringUtils.hasText(props.getBean());
        boolean hasSupervisor = StringUtils.hasText(props.getSupervisor());
        if (hasBean == hasSupervisor) {
            throw new InvalidSupervisionConfigurationException(key, hasBean ? props.getBean() + "/" + props.getSupervisor() : "",
                    "a child must set exactly one of 'bean' or 'supervisor'",
                    "set " + key + ".bean to a @GenServer bean or " + key + ".supervisor to a supervisor name");
        }
        String id = StringUtils.hasText(props.getId()) ? props.getId()
                : hasBean ? props.getBean() : props.getSupervisor();
        if (props.isRequired()) {
            List<String> idPath = new ArrayList<>(position);
            idPath.add(id);
            requiredChildren.add(idPath);
        }
        if (hasBean) {
            String bean = props.getBean();
            if (!genServerBeans.contains(bean)) {
                throw new InvalidSupervisionConfigurationException(key + ".bean", bean,
                        "no @GenServer bean of that name", "known @GenServer beans: " + genServerBeans);
            }
            String placedAt = placedBeans.putIfAbsent(bean, key + ".bean");
            if (placedAt != null && !supervisorOf(placedAt).equals(supervisorOf(key))) {
                throw new InvalidSupervisionConfigurationException(key + ".bean", bean,
                        "the bean is already placed under another supervisor, at " + placedAt,
                        "place a @GenServer bean under one supervisor only: remove " + key + " or " + placedAt);
            }
            return beanChild(bean, props, id, key);
        }
        if (singletonSettings.policy(props, key).isPresent()) {
            throw new InvalidSupervisionConfigurationException(key + ".singleton", written(key + ".singleton", true),
                    "a supervisor cannot be a cluster singleton", "mark the @GenServer beans under it 'singleton' instead");
        }
        String name = props.getSupervisor();
        SupervisorProperties nested = properties.getSupervisors().get(name);
        if (nested == null) {
            throw new InvalidSupervisionConfigurationException(key + ".supervisor", name,
                    "no supervisor of that name in supervision.supervisors",
                    "known supervisors: " + properties.getSupervisors().keySet());
        }
        position.addLast(id);
        SupervisorSpec spec = supervisor(name, nested, reached, path);
        position.removeLast();
        return configure(ChildSpec.supervisor(id, spec), props, key, ChildType.SUPERVISOR);
    }

    /** {@code supervision.supervisors.db} for {@code supervision.supervisors.db.children[0].bean}. */
    private static String supervisorOf(String childKey) {
        return childKey.substring(0, childKey.lastIndexOf(".children["));
    }

    private ChildSpec beanChild(String bean, ChildProperties props, String id, String key) {
        String registeredName = StringUtils.hasText(props.getName()) ? props.getName() : annotatedName(bean);
        if (registeredName != null) {
            String nameKey = StringUtils.hasText(props.getName()) ? key + ".name" : key + ".bean (@GenServer name of '" + bean + "')";
            String registeredAt = registeredNames.putIfAbsent(registeredName, nameKey);
            if (registeredAt != null) {
                throw new InvalidSupervisionConfigurationException(nameKey, registeredName,
                        "the name is already registered by " + registeredAt,
                        "give each child its own name: change " + nameKey + " or " + registeredAt);
            }
            List<String> idPath = new ArrayList<>(position);
            idPath.add(id);
            namedChildren.put(registeredName, idPath);
        }
        StartOptions options = registeredName == null ? StartOptions.DEFAULT : StartOptions.named(registeredName);
        Supplier<GenServerBehaviour<?>> fresh = () -> beanFactory.getBean(bean, GenServerBehaviour.class);
        Object arg = props.getArg();
        ChildSpec spec = wrap(key, () -> ChildSpec.of(id,
                extraArgs -> GenServers.startLink(ProcessRuntime.current(), fresh.get(), arg, options)));
        ChildSpec configured = configure(spec, props, key, ChildType.WORKER);
        return singletonSettings.policy(props, key).map(policy -> singleton(configured, registeredName, policy, key))
                .orElse(configured);
    }

    /** {@code child} as a cluster singleton, or a failure naming why it cannot be one. */
    private ChildSpec singleton(ChildSpec child, String registeredName, SingletonPolicyChoice policy, String key) {
        if (registeredName == null) {
            throw new InvalidSupervisionConfigurationException(key + ".name", "(not set)",
                    "a singleton needs a registered name, by which the other instances reach it",
                    "set @GenServer(name = ...) on the bean's class or " + key + ".name");
        }
        String singletonKey = key + ".singleton";
        if (singletons == null && !properties.getCluster().isEnabled()) {
            throw new InvalidSupervisionConfigurationException(singletonKey, written(singletonKey, true),
                    "the cluster is not enabled, so every instance would run its own",
                    "set supervision.cluster.enabled=true (and supervision.cluster.*), or remove " + singletonKey);
        }
        if (singletons == null) {
            throw new InvalidSupervisionConfigurationException(singletonKey, written(singletonKey, true),
                    "supervision-cluster is not on the class path", "add the dependency dev.supervision:supervision-cluster");
        }
        return wrap(key, () -> singletons.singleton(child, registeredName, policy));
    }

    private Object written(String key, Object bound) {
        return written.containsProperty(key) ? written.getProperty(key) : bound;
    }

    private ChildSpec configure(ChildSpec spec, ChildProperties props, String key, ChildType type) {
        Shutdown shutdown = shutdown(key, props.getShutdown(), type);
        Backoff backoff = backoff(key + ".backoff", props.getBackoff());
        return wrap(key, () -> spec.withRestart(props.getRestart()).withShutdown(shutdown)
                .withSignificant(props.isSignificant()).withBackoff(backoff));
    }

    private Shutdown shutdown(String childKey, String value, ChildType type) {
        if (!StringUtils.hasText(value)) {
            return Shutdown.defaultFor(type);
        }
        String normalised = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (normalised.equals("brutal-kill")) {
            return Shutdown.BRUTAL_KILL;
        }
        if (normalised.equals("infinity")) {
            return Shutdown.INFINITY;
        }
        try {
            Duration timeout = DurationStyle.detectAndParse(value.trim());
            return wrap(childKey, () -> Shutdown.timeout(timeout));
        } catch (IllegalArgumentException e) {
            throw new InvalidSupervisionConfigurationException(childKey + ".shutdown", value, "not a shutdown",
                    "use a duration such as 5s or 500ms, 'brutal-kill' or 'infinity'");
        }
    }

    private Backoff backoff(String key, BackoffProperties props) {
        if (props == null) {
            return null;
        }
        return wrap(key, () -> new Backoff(props.getInitial(), props.getMax(), props.getMultiplier(), props.getJitter(),
                props.getResetAfter()));
    }

    private void checkGenServerBean(String bean) {
        Class<?> type = beanFactory.getType(bean);
        if (type == null || !GenServerBehaviour.class.isAssignableFrom(type)) {
            throw new InvalidSupervisionConfigurationException("@GenServer", bean,
                    "the bean is annotated @GenServer but does not implement GenServerBehaviour",
                    "implement dev.supervision.genserver.GenServerBehaviour<S> in " + (type == null ? bean : type.getName()));
        }
        if (!beanFactory.isPrototype(bean)) {
            throw new InvalidSupervisionConfigurationException("@GenServer", bean,
                    "the bean is not prototype-scoped, so a restart would reuse the crashed instance",
                    "do not override the scope of @GenServer beans");
        }
    }

    private String annotatedName(String bean) {
        Class<?> type = beanFactory.getType(bean);
        GenServer annotation = type == null ? null : AnnotationUtils.findAnnotation(type, GenServer.class);
        return annotation == null || annotation.name().isBlank() ? null : annotation.name();
    }

    /**
     * Runs a core constructor for the properties under {@code ownerKey}. A field the core refuses is
     * reported under its own key ({@code intensity} of {@code supervision.supervisors.db} is
     * {@code supervision.supervisors.db.intensity}; {@code resetAfter} of a backoff is its
     * {@code reset-after}), with the value as written when the configuration has it, else as the core
     * saw it. Any other refusal names {@code ownerKey}.
     */
    private <T> T wrap(String ownerKey, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidSpecException e) {
            String key = ownerKey + "." + propertyName(e.field());
            Object value = written.containsProperty(key) ? written.getProperty(key) : e.value();
            throw new InvalidSupervisionConfigurationException(key, value, e.getMessage(), null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSupervisionConfigurationException(ownerKey, null, e.getMessage(), null);
        }
    }

    /** The property name of a core field: its kebab-case form, as in {@code reset-after}. */
    static String propertyName(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
