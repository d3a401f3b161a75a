package dev.kumo.respond.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** EC2 Query API answers for the runner tests: one compromised instance, its volume, ENI and image. */
final class RunnerStubs {
  static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
  static final String INSTANCE = "i-0abc1234";
  static final String IMAGE = "ami-0a1b2c3d";

  private RunnerStubs() {}

  /** The instance's describe answers: instance, volume, ENI, groups, profile association, attributes. */
  static void stubInstance(WireMockServer server) {
    ec2(server, "DescribeInstances", "<reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>"
        + "<instanceId>" + INSTANCE + "</instanceId><imageId>ami-1</imageId><instanceType>t3.micro</instanceType>"
        + "<instanceState><code>16</code><name>running</name></instanceState><subnetId>subnet-1</subnetId>"
        + "<vpcId>vpc-1</vpcId><groupSet><item><groupId>sg-web</groupId></item></groupSet>"
        + "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-1</volumeId>"
        + "<deleteOnTermination>true</deleteOnTermination></ebs></item></blockDeviceMapping>"
        + "<iamInstanceProfile><arn>arn:aws:iam::111122223333:instance-profile/web</arn></iamInstanceProfile>"
        + "<networkInterfaceSet><item><networkInterfaceId>eni-1</networkInterfaceId><subnetId>subnet-1</subnetId>"
        + "<groupSet><item><groupId>sg-web</groupId></item></groupSet><privateIpAddressesSet><item>"
        + "<privateIpAddress>10.0.1.5</privateIpAddress><primary>true</primary></item></privateIpAddressesSet>"
        + "</item></networkInterfaceSet>"
        + "</item></instancesSet></item></reservationSet>");
    ec2(server, "DescribeVolumes", "<volumeSet><item><volumeId>vol-1</volumeId></item></volumeSet>");
    ec2(server, "DescribeNetworkInterfaces", "<networkInterfaceSet><item><networkInterfaceId>eni-1</networkInterfaceId>"
        + "</item></networkInterfaceSet>");
    ec2(server, "DescribeSecurityGroups", "<securityGroupInfo><item><groupId>sg-web</groupId></item></securityGroupInfo>");
    ec2(server, "GetConsoleOutput", "<instanceId>" + INSTANCE + "</instanceId><output>Ym9vdA==</output>");
    ec2(server, "DescribeInstanceAttribute", "<instanceId>" + INSTANCE + "</instanceId><userData><value>IyE=</value></userData>");
    ec2(server, "CreateTags", "<return>true</return>");
    ec2(server, "ModifyInstanceAttribute", "<return>true</return>");
    server.stubFor(post("/").withRequestBody(containing("Action=CreateSecurityGroup&"))
        .withRequestBody(containing("kumo-isolation-"))
        .willReturn(ec2Ok("CreateSecurityGroup", "<return>true</return><groupId>sg-iso</groupId>", "rid-sg-iso")));
    ec2(server, "RevokeSecurityGroupEgress", "<return>true</return>");
    ec2(server, "DescribeNetworkAcls", "<networkAclSet><item><networkAclId>acl-1</networkAclId><vpcId>vpc-1</vpcId>"
        + "<entrySet><item><ruleNumber>100</ruleNumber><protocol>-1</protocol><ruleAction>allow</ruleAction>"
        + "<egress>false</egress><cidrBlock>0.0.0.0/0</cidrBlock></item>"
        + "<item><ruleNumber>32767</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction>"
        + "<egress>false</egress><cidrBlock>0.0.0.0/0</cidrBlock></item>"
        + "<item><ruleNumber>50</ruleNumber><protocol>6</protocol><ruleAction>allow</ruleAction>"
        + "<egress>true</egress><cidrBlock>0.0.0.0/0</cidrBlock></item></entrySet></item></networkAclSet>");
    ec2(server, "CreateNetworkAclEntry", "<return>true</return>");
    ec2(server, "ModifyNetworkInterfaceAttribute", "<return>true</return>");
    ec2(server, "DescribeIamInstanceProfileAssociations", "<iamInstanceProfileAssociationSet><item>"
        + "<associationId>iip-assoc-1</associationId><instanceId>" + INSTANCE + "</instanceId>"
        + "<iamInstanceProfile><arn>arn:aws:iam::111122223333:instance-profile/web</arn></iamInstanceProfile>"
        + "<state>associated</state></item></iamInstanceProfileAssociationSet>");
    ec2(server, "DisassociateIamInstanceProfile", "<iamInstanceProfileAssociation><associationId>iip-assoc-1</associationId>"
        + "<state>disassociating</state></iamInstanceProfileAssociation>");
    server.stubFor(post("/").withRequestBody(containing("Action=PutRolePolicy&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<PutRolePolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<ResponseMetadata><RequestId>rid-PutRolePolicy</RequestId></ResponseMetadata>"
                + "</PutRolePolicyResponse>")));
    ec2(server, "CreateSnapshot", "<snapshotId>snap-1</snapshotId><volumeId>vol-1</volumeId><status>pending</status>");
    ec2(server, "DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-1</snapshotId><status>completed</status>"
        + "</item></snapshotSet>");
    ec2(server, "ModifySnapshotAttribute", "<return>true</return>");
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo("TrentService.DescribeKey"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withHeader("x-amzn-RequestId", "rid-kms")
            .withBody("{\"KeyMetadata\":{\"KeyId\":\"key-1\",\"KeyState\":\"Enabled\",\"Enabled\":true}}")));
    ec2(server, "CopySnapshot", "<snapshotId>snap-copy</snapshotId>");
    ec2(server, "LockSnapshot", "<snapshotId>snap-copy</snapshotId><lockState>compliance-cooloff</lockState>");
    ec2(server, "DescribeImages", image("2026-10-01T12:00:00.000Z"));
    ec2(server, "RunInstances", "<reservationId>r-2</reservationId><instancesSet><item><instanceId>i-0new5678</instanceId>"
        + "<imageId>" + IMAGE + "</imageId></item></instancesSet>");
    ec2(server, "DescribeInstanceStatus", "<instanceStatusSet><item><instanceId>i-0new5678</instanceId>"
        + "<instanceState><code>16</code><name>running</name></instanceState>"
        + "<systemStatus><status>ok</status></systemStatus><instanceStatus><status>ok</status></instanceStatus>"
        + "</item></instanceStatusSet>");
  }

  /** Answers every request of Query {@code action} with {@code inner} inside its response element. */
  static void ec2(WireMockServer server, String action, String inner) {
    server.stubFor(post("/").withRequestBody(containing("Action=" + action + "&"))
        .willReturn(ec2Ok(action, inner, "rid-" + action)));
  }

  static ResponseDefinitionBuilder ec2Ok(String action, String inner, String requestId) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + EC2_NS + "\">"
            + "<requestId>" + requestId + "</requestId>" + inner + "</" + action + "Response>");
  }

  /** A DescribeImages answer for {@link #IMAGE} created at {@code created}. */
  static String image(String created) {
    return "<imagesSet><item><imageId>" + IMAGE + "</imageId><imageOwnerId>111122223333</imageOwnerId>"
        + "<imageState>available</imageState><creationDate>" + created + "</creationDate><name>golden</name>"
        + "</item></imagesSet>";
  }
}
