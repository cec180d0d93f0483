package org.followthrough.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Real Git repositories for tests, made with JGit: no git program is needed. */
public final class GitRepositories implements AutoCloseable {

    private final Git git;
    private final Path root;

    private GitRepositories(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /** A new repository with no commits, on branch main. */
    public static GitRepositories init(Path root) {
        try {
            return new GitRepositories(Git.init().setDirectory(root.toFile()).setInitialBranch("main").call(), root);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path root() {
        return root;
    }

    public GitRepositories write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public GitRepositories delete(String path) {
        try {
            Files.delete(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Commits every change in the work tree, at a given time, by a given author. */
    public String commit(String message, String time, String author) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = new PersonIdent(author, author.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org",
                    Instant.parse(time), ZoneOffset.ofHours(1));
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public String commit(String message, String time) {
        return commit(message, time, "Ann Editor");
    }

    /** A clone holding only the last commit, as CI systems often fetch. */
    public static Path shallowClone(Path from, Path to) {
        try {
            Git.cloneRepository().setURI(from.toUri().toString()).setDirectory(to.toFile()).setDepth(1).call().close();
            return to;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
