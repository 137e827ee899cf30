package org.filedock.ejb.command;

import org.filedock.ejb.account.LoginThrottleBean;
import org.filedock.ejb.account.SecurityRealmAccess;
import org.filedock.ejb.audit.AuditRecorder;
import org.filedock.ejb.config.StorageProducer;
import org.filedock.ejb.history.recording.TransferRecorder;
import org.filedock.ejb.home.Homes;
import org.filedock.ejb.integrity.FileDigests;
import org.filedock.ejb.integrity.HashingThreads;
import org.filedock.ejb.integrity.IntegrityService;
import org.filedock.ejb.quota.QuotaBook;
import org.filedock.ejb.quota.Quotas;
import org.filedock.ejb.resume.ResumeProducer;
import org.filedock.ejb.service.FileOperations;
import org.filedock.ejb.service.TransferBuffers;
import org.filedock.ejb.service.TransferService;

/** The beans a command runs with in the server, for Weld tests: registry, executor, every command, what they call. */
final class ServerBeans {

    static final Class<?>[] COMMANDS_AND_SERVICES = {CommandRegistry.class, CommandExecutor.class,
            UploadCommand.class, DownloadCommand.class, CompleteCommand.class, DeleteCommand.class,
            DirCommand.class, MkdirCommand.class, ChdirCommand.class, RmdirCommand.class,
            MoveCommand.class, PwdCommand.class, DisconnectCommand.class, LoginCommand.class,
            HashCommand.class, StatCommand.class, UsageCommand.class, Quotas.class, QuotaBook.class, IntegrityService.class, FileDigests.class, HashingThreads.class, ResumeProducer.class,
            FileOperations.class, TransferService.class, TransferBuffers.class, StorageProducer.class,
            TransferRecorder.class, AuditRecorder.class, Homes.class, SecurityRealmAccess.class, LoginThrottleBean.class};

    private ServerBeans() {
    }
}
