package dev.supervision.boot.autoconfigure;

import dev.supervision.supervisor.AutoShutdown;
import dev.supervision.supervisor.Restart;
import dev.supervision.supervisor.Strategy;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * The supervision tree, under {@code supervision.*}. Supervisors form a flat map by name; a child names
 * a {@code @GenServer} bean or another supervisor of the map, so trees of any depth keep full IDE
 * completion. The supervisor named by {@code root} is the root; {@code @GenServer} beans that no child
 * names run under it with the defaults. Binding is strict: a key under {@code supervision.} that
 * names no property (a typo) fails start-up, naming the key.
 */
@ConfigurationProperties(prefix = "supervision", ignoreUnknownFields = false)
public class SupervisionProperties {

    /** Whether to run the supervision tree at all. */
    private boolean enabled = true;

    /**
     * What to do when the root supervisor reaches its restart intensity and gives up: 'mark-broken'
     * (liveness BROKEN, readiness REFUSING_TRAFFIC, health DOWN; the platform decides), 'shutdown-application'
     * (exit code 1) or 'stay-up' (health DOWN only).
     */
    private OnRootFailure onRootFailure = OnRootFailure.MARK_BROKEN;

    /** The name, in 'supervision.supervisors', of the root supervisor. */
    private String root = "root";

    /** The node name the actuator endpoint reports; defaults to spring.application.name. */
    private String nodeName;

    /** Supervisors by name. */
    private Map<String, SupervisorProperties> supervisors = new LinkedHashMap<>();

    /** The observer page. */
    private final Observer observer = new Observer();

    /** How failed calls are answered over HTTP. */
    private final Web web = new Web();

    /** The application as a node of a cluster (needs supervision-cluster on the class path). */
    @NestedConfigurationProperty
    private final ClusterProperties cluster = new ClusterProperties();

    public ClusterProperties getCluster() {
        return cluster;
    }

    public Web getWeb() {
        return web;
    }

    public Observer getObserver() {
        return observer;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public OnRootFailure getOnRootFailure() {
        return onRootFailure;
    }

    public void setOnRootFailure(OnRootFailure onRootFailure) {
        this.onRootFailure = onRootFailure;
    }

    public String getRoot() {
        return root;
    }

    public void setRoot(String root) {
        this.root = root;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public Map<String, SupervisorProperties> getSupervisors() {
        return supervisors;
    }

    public void setSupervisors(Map<String, SupervisorProperties> supervisors) {
        this.supervisors = supervisors;
    }

    /** The observer page: the live tree in a browser, served by the management server. */
    public static class Observer {

        /**
         * Whether to serve the observer page and its event stream at the supervision endpoint's path
         * (/actuator/supervision), to browsers; needs the endpoint exposed over HTTP.
         */
        private boolean enabled;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** How failed calls are answered over HTTP. */
    public static class Web {

        /** RFC 9457 answers for failed calls. */
        private final ProblemDetails problemDetails = new ProblemDetails();

        public ProblemDetails getProblemDetails() {
            return problemDetails;
        }
    }

    /** RFC 9457 answers for failed calls that escape a controller. */
    public static class ProblemDetails {

        /**
         * Whether a NoProcessException, CallTimeoutException or ServerExitException that escapes a
         * controller is answered with a 503 problem document (outcome, Retry-After). The application's
         * own exception handlers come first.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** What happens when the root supervisor gives up. */
    public enum OnRootFailure {
        /**
         * Publish liveness {@code BROKEN} and readiness {@code REFUSING_TRAFFIC}; the health indicator
         * reports DOWN. The application keeps running, so a platform probing liveness restarts it.
         */
        MARK_BROKEN,
        /** Close the application with exit code 1, so a platform such as Kubernetes restarts it. */
        SHUTDOWN_APPLICATION,
        /** Keep the application up; the 'supervision' health indicator reports DOWN. */
        STAY_UP
    }

    /** Where a cluster singleton may run while the cluster is split. */
    public enum SingletonPolicyName {
        /**
         * Only on a side holding more than half of supervision.cluster.expected-members (each a host,
         * this node counted whether listed or not): never two at once.
         */
        MAJORITY,
        /** Every side runs its own (its oldest instance); one stays when the partition heals. */
        OLDEST_PER_SIDE,
        /** On a side holding at least 'singleton-min-members' hosting instances. */
        MINIMUM_MEMBERS
    }

    /** One supervisor. */
    public static class SupervisorProperties {

        /** Which children restart together when one must be restarted. */
        private Strategy strategy = Strategy.ONE_FOR_ONE;

        /** The most restarts allowed within 'period'; one more and the supervisor gives up. */
        private int intensity = 1;

        /** The window of 'intensity', in whole seconds: '5' and '5s' both mean five seconds. */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration period = Duration.ofSeconds(5);

        /** Whether significant children ending by themselves shut this supervisor down. */
        private AutoShutdown autoShutdown = AutoShutdown.NEVER;

        /** The restart backoff of children that have none of their own. */
        private BackoffProperties backoff;

        /** The children, in start order. */
        private List<ChildProperties> children = new ArrayList<>();

        public Strategy getStrategy() {
            return strategy;
        }

        public void setStrategy(Strategy strategy) {
            this.strategy = strategy;
        }

        public int getIntensity() {
            return intensity;
        }

        public void setIntensity(int intensity) {
            this.intensity = intensity;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }

        public AutoShutdown getAutoShutdown() {
            return autoShutdown;
        }

        public void setAutoShutdown(AutoShutdown autoShutdown) {
            this.autoShutdown = autoShutdown;
        }

        public BackoffProperties getBackoff() {
            return backoff;
        }

        public void setBackoff(BackoffProperties backoff) {
            this.backoff = backoff;
        }

        public List<ChildProperties> getChildren() {
            return children;
        }

        public void setChildren(List<ChildProperties> children) {
            this.children = children;
        }
    }

    /** One child: a @GenServer bean or another supervisor. */
    public static class ChildProperties {

        /** The child's id within its supervisor; defaults to the bean or supervisor name. */
        private String id;

        /** The @GenServer bean this child runs. Set this or 'supervisor'. */
        private String bean;

        /** The supervisor (a name in 'supervision.supervisors') this child runs. Set this or 'bean'. */
        private String supervisor;

        /** When the child is restarted. */
        private Restart restart = Restart.PERMANENT;

        /** How the child is stopped: a duration such as 5s, 'brutal-kill' or 'infinity'. Defaults to 5s for a bean and infinity for a supervisor. */
        private String shutdown;

        /** The name the process registers under; defaults to the @GenServer annotation's name. */
        private String name;

        /** The argument handed to the GenServer's init. */
        private String arg;

        /** Whether this child ending by itself may shut its supervisor down (see auto-shutdown). */
        private boolean significant;

        /**
         * Whether the application can serve only while this child runs: while it restarts or is down,
         * readiness is REFUSING_TRAFFIC.
         */
        private boolean required;

        /** A restart backoff for this child. */
        private BackoffProperties backoff;

        /**
         * Whether this child runs on exactly one instance of the cluster; needs
         * supervision.cluster.enabled=true and a registered name ('name' or the @GenServer name).
         */
        private boolean singleton;

        /**
         * Where a singleton may run while the cluster is split: 'majority' (of
         * supervision.cluster.expected-members, the default), 'oldest-per-side' or 'minimum-members' (of
         * 'singleton-min-members').
         */
        private SingletonPolicyName singletonPolicy;

        /** The quorum of hosting instances a side needs to run the singleton; implies 'minimum-members'. */
        private Integer singletonMinMembers;

        public boolean isSingleton() {
            return singleton;
        }

        public void setSingleton(boolean singleton) {
            this.singleton = singleton;
        }

        public SingletonPolicyName getSingletonPolicy() {
            return singletonPolicy;
        }

        public void setSingletonPolicy(SingletonPolicyName singletonPolicy) {
            this.singletonPolicy = singletonPolicy;
        }

        public Integer getSingletonMinMembers() {
            return singletonMinMembers;
        }

        public void setSingletonMinMembers(Integer singletonMinMembers) {
            this.singletonMinMembers = singletonMinMembers;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getBean() {
            return bean;
        }

        public void setBean(String bean) {
            this.bean = bean;
        }

        public String getSupervisor() {
            return supervisor;
        }

        public void setSupervisor(String supervisor) {
            this.supervisor = supervisor;
        }

        public Restart getRestart() {
            return restart;
        }

        public void setRestart(Restart restart) {
            this.restart = restart;
        }

        public String getShutdown() {
            return shutdown;
        }

        public void setShutdown(String shutdown) {
            this.shutdown = shutdown;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getArg() {
            return arg;
        }

        public void setArg(String arg) {
            this.arg = arg;
        }

        public boolean isSignificant() {
            return significant;
        }

        public void setSignificant(boolean significant) {
            this.significant = significant;
        }

        public BackoffProperties getBackoff() {
            return backoff;
        }

        public void setBackoff(BackoffProperties backoff) {
            this.backoff = backoff;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }
    }

    /** A restart backoff: the n-th consecutive restart waits min(max, initial * multiplier^(n-1)), +/- jitter. */
    public static class BackoffProperties {

        /** The first delay. */
        private Duration initial = Duration.ofMillis(100);

        /** The longest delay. */
        private Duration max = Duration.ofSeconds(10);

        /** The growth per consecutive restart, at least 1. */
        private double multiplier = 2.0;

        /** The random spread, a fraction between 0 and 1. */
        private double jitter = 0.2;

        /** How long a child must run before its delay starts again from 'initial'. */
        private Duration resetAfter = Duration.ofSeconds(30);

        public Duration getInitial() {
            return initial;
        }

        public void setInitial(Duration initial) {
            this.initial = initial;
        }

        public Duration getMax() {
            return max;
        }

        public void setMax(Duration max) {
            this.max = max;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public double getJitter() {
            return jitter;
        }

        public void setJitter(double jitter) {
            this.jitter = jitter;
        }

        public Duration getResetAfter() {
            return resetAfter;
        }

        public void setResetAfter(Duration resetAfter) {
            this.resetAfter = resetAfter;
        }
    }
}
