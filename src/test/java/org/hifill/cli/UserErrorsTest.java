package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The one line that {@link UserErrors} prints for an exception. */
class UserErrorsTest {

    @Test
    void fileSystemExceptionsWithoutAReasonNameTheProblemAfterTheFile() {
        assertThat(UserErrors.oneLine(new NoSuchFileException("/a/b.png"))).isEqualTo("/a/b.png: not found");
        assertThat(UserErrors.oneLine(new AccessDeniedException("/a/b.png"))).isEqualTo("/a/b.png: permission denied");
        assertThat(UserErrors.oneLine(new FileAlreadyExistsException("/a/out")))
                .isEqualTo("/a/out: already exists, and is not a folder");
    }

    @Test
    void fileSystemExceptionsWithAReasonKeepTheirMessage() {
        assertThat(UserErrors.oneLine(new FileSystemException("/a/b.png", null, "No space left on device")))
                .isEqualTo("/a/b.png: No space left on device");
    }

    @Test
    void otherMessagesAreCutToTheirFirstLine() {
        assertThat(UserErrors.oneLine(new IOException("first\nsecond"))).isEqualTo("first");
        assertThat(UserErrors.oneLine(new IOException())).isEqualTo("IOException");
    }
}
